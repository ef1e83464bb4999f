/* A program built the way users build theirs: only the installed headers
 * and `pkg-config --cflags --libs libstatefulset`. Kept C99 on purpose. */
#include <statefulset/statefulset.h>

#include <stdio.h>
#include <string.h>

static const char manifest[] =
    "apiVersion: apps/v1\n"
    "kind: StatefulSet\n"
    "metadata:\n"
    "  name: web\n"
    "spec:\n"
    "  replicas: 3\n"
    "  serviceName: nginx\n";

int main(void)
{
    sts_registry *reg = NULL;
    sts_object_list *list = NULL;
    sts_error *err = NULL;
    sts_buf msg = STS_BUF_INIT;
    int32_t replicas = 0;
    int rc;

    if (strcmp(sts_version_string(), STS_VERSION_STRING) != 0) {
        fprintf(stderr, "runtime %s != headers %s\n", sts_version_string(), STS_VERSION_STRING);
        return 1;
    }
    rc = sts_registry_new(&reg, 0, &err);
    if (rc == 0)
        rc = sts_load(&list, reg, "yaml", manifest, sizeof manifest - 1, NULL, &err);
    if (rc == 0)
        rc = sts_statefulset_get_replicas(&replicas, sts_object_list_at(list, 0), &err);
    if (rc != 0) {
        sts_error_format(&msg, err);
        fprintf(stderr, "consumer: %s (%s)\n", msg.data ? msg.data : "?", sts_status_name(rc));
    } else {
        printf("libstatefulset %s: %s has %d replicas\n", sts_version_string(),
               sts_object_name(sts_object_list_at(list, 0)), (int)replicas);
    }
    sts_buf_dispose(&msg);
    sts_error_free(err);
    sts_object_list_free(list);
    sts_registry_free(reg);
    return rc == 0 && replicas == 3 ? 0 : 1;
}
