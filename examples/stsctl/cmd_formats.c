/* stsctl formats: list the registered serializers, so a user can see what
 * -o and --from accept, and that a --plugin was loaded. */
#include <stdio.h>
#include <string.h>

#include "stsctl.h"

static int run(stsctl *ctl, int argc, char **argv);

const stsctl_command stsctl_cmd_formats = {
    "formats",
    "list the formats -o and --from accept",
    "Usage: stsctl [--plugin PATH]... formats\n"
    "\n"
    "List every registered format: name, whether it decodes and encodes,\n"
    "file name extensions, media type.\n",
    run,
};

static int run(stsctl *ctl, int argc, char **argv)
{
    const stsctl_command *cmd = &stsctl_cmd_formats;
    if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
        fputs(cmd->usage, stdout);
        return stsctl_finish(cmd, STSCTL_EXIT_OK);
    }
    if (argc > 1)
        return stsctl_usage_error(cmd, "unexpected argument '%s'", argv[1]);
    printf("%-10s %-13s %-12s %s\n", "NAME", "CAN", "EXTENSIONS", "MEDIA TYPE");
    for (size_t i = 0; i < sts_registry_count(ctl->reg); i++) {
        const sts_serializer *s = sts_registry_at(ctl->reg, i);
        const char *can = (s->flags & STS_SERIALIZER_DECODE)
                              ? ((s->flags & STS_SERIALIZER_ENCODE) ? "decode,encode" : "decode")
                              : "encode";
        printf("%-10s %-13s %-12s %s\n", s->name, can,
               s->extensions && s->extensions[0] ? s->extensions : "-",
               s->media_type && s->media_type[0] ? s->media_type : "-");
    }
    return stsctl_finish(cmd, STSCTL_EXIT_OK);
}
