/* Test fixture: a shared object that is not a libstatefulset plugin
 * (it exports something, but not sts_plugin_register_v1). */
__attribute__((visibility("default"))) int not_a_plugin(void);

int not_a_plugin(void)
{
    return 42;
}
