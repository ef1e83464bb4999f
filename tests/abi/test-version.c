/* The three version sources must agree: meson's project version (argv[1]),
 * the generated <statefulset/version.h> macros, and the runtime functions
 * of the shared library actually loaded. */
#include <statefulset/statefulset.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    char macro[32];
    int fail = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: test-version PROJECT_VERSION\n");
        return 2;
    }
    if (strcmp(sts_version_string(), STS_VERSION_STRING) != 0) {
        fprintf(stderr, "sts_version_string() %s != STS_VERSION_STRING %s\n",
                sts_version_string(), STS_VERSION_STRING);
        fail = 1;
    }
    if (strcmp(STS_VERSION_STRING, argv[1]) != 0) {
        fprintf(stderr, "STS_VERSION_STRING %s != meson.project_version() %s\n",
                STS_VERSION_STRING, argv[1]);
        fail = 1;
    }
    snprintf(macro, sizeof macro, "%d.%d.%d", STS_VERSION_MAJOR, STS_VERSION_MINOR,
             STS_VERSION_PATCH);
    if (strcmp(macro, STS_VERSION_STRING) != 0) {
        fprintf(stderr, "MAJOR.MINOR.PATCH %s != STS_VERSION_STRING %s\n", macro,
                STS_VERSION_STRING);
        fail = 1;
    }
    if (sts_version_number() != (uint32_t)STS_VERSION_NUMBER) {
        fprintf(stderr, "sts_version_number() %u != STS_VERSION_NUMBER %u\n",
                (unsigned)sts_version_number(), (unsigned)STS_VERSION_NUMBER);
        fail = 1;
    }
    if (!fail)
        printf("version: %s (%u)\n", sts_version_string(), (unsigned)sts_version_number());
    return fail;
}
