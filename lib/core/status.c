#include "../internal.h"

#include "statefulset/version.h"

static const struct {
    int code;
    const char *name;
    const char *text;
} statuses[] = {
    {STS_OK, "STS_OK", "success"},
    {STS_ENOMEM, "STS_ENOMEM", "out of memory"},
    {STS_EINVAL, "STS_EINVAL", "invalid argument"},
    {STS_EPARSE, "STS_EPARSE", "malformed input"},
    {STS_ETYPE, "STS_ETYPE", "wrong type"},
    {STS_EVALIDATION, "STS_EVALIDATION", "invalid object"},
    {STS_ENOTFOUND, "STS_ENOTFOUND", "not found"},
    {STS_EUNSUPPORTED, "STS_EUNSUPPORTED", "not supported"},
    {STS_ELIMIT, "STS_ELIMIT", "limit exceeded"},
    {STS_ERANGE, "STS_ERANGE", "value out of range"},
    {STS_EVERSION, "STS_EVERSION", "unknown or incompatible version"},
    {STS_EIO, "STS_EIO", "input/output error"},
    {STS_EEXISTS, "STS_EEXISTS", "already exists"},
};

const char *sts_strerror(int code)
{
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        if (statuses[i].code == code)
            return statuses[i].text;
    return "unknown error";
}

const char *sts_status_name(int code)
{
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        if (statuses[i].code == code)
            return statuses[i].name;
    return "STS_UNKNOWN";
}

const char *sts_version_string(void)
{
    return STS_VERSION_STRING;
}

uint32_t sts_version_number(void)
{
    return STS_VERSION_NUMBER;
}
