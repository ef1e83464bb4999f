/* The registry of serializers; built-ins go in through sts_registry_add
 * exactly like third-party plugins. */
#include <ctype.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../internal.h"
#include "statefulset/dns.h"

struct sts_registry {
    sts_serializer *sers;
    size_t count, cap;
    void **handles; /* dlopen handles, closed after every destroy ran */
    size_t nhandles;
};

int sts_registry_new(sts_registry **out, uint32_t flags, sts_error **err)
{
    if (!out)
        return sts__err(err, STS_EINVAL, "no output pointer");
    sts_registry *r = calloc(1, sizeof *r);
    if (!r)
        return sts__err(err, STS_ENOMEM, "out of memory");
    if (!(flags & STS_REGISTRY_EMPTY)) {
        int rc = sts_registry_add(r, &sts__yaml_serializer, err);
        if (!rc)
            rc = sts_registry_add(r, &sts__json_serializer, err);
        if (!rc)
            rc = sts_registry_add(r, sts_dns_zone_serializer(), err);
        if (rc) {
            sts_registry_free(r);
            return rc;
        }
    }
    *out = r;
    return 0;
}

void sts_registry_free(sts_registry *reg)
{
    if (!reg)
        return;
    for (size_t i = 0; i < reg->count; i++)
        if (reg->sers[i].destroy)
            reg->sers[i].destroy(reg->sers[i].userdata);
    for (size_t i = 0; i < reg->nhandles; i++)
        dlclose(reg->handles[i]);
    free(reg->handles);
    free(reg->sers);
    free(reg);
}

int sts_registry_add(sts_registry *reg, const sts_serializer *ser, sts_error **err)
{
    if (!reg || !ser)
        return sts__err(err, STS_EINVAL, "no registry or serializer");
    if (ser->version != STS_SERIALIZER_VERSION)
        return sts__err(err, STS_EVERSION,
                        "serializer table version %u is not supported (this library: %u)",
                        ser->version, STS_SERIALIZER_VERSION);
    if (!ser->name || !ser->name[0])
        return sts__err(err, STS_EINVAL, "serializer without a name");
    if (!(ser->flags & (STS_SERIALIZER_DECODE | STS_SERIALIZER_ENCODE)) ||
        ((ser->flags & STS_SERIALIZER_DECODE) && !ser->decode) ||
        ((ser->flags & STS_SERIALIZER_ENCODE) && !ser->encode))
        return sts__err(err, STS_EINVAL, "serializer \"%s\" lacks the functions its flags promise",
                        ser->name);
    for (size_t i = 0; i < reg->count; i++)
        if (strcasecmp(reg->sers[i].name, ser->name) == 0)
            return sts__err(err, STS_EEXISTS, "a serializer named \"%s\" is already registered",
                            ser->name);
    if (reg->count == reg->cap) {
        size_t cap = reg->cap ? reg->cap * 2 : 4;
        sts_serializer *p = realloc(reg->sers, cap * sizeof *p);
        if (!p)
            return sts__err(err, STS_ENOMEM, "out of memory");
        reg->sers = p;
        reg->cap = cap;
    }
    reg->sers[reg->count++] = *ser;
    return 0;
}

int sts_registry_load_plugin(sts_registry *reg, const char *path, sts_error **err)
{
    if (!reg || !path)
        return sts__err(err, STS_EINVAL, "no registry or plugin path");
    void **hs = realloc(reg->handles, (reg->nhandles + 1) * sizeof *hs);
    if (!hs)
        return sts__err(err, STS_ENOMEM, "out of memory");
    reg->handles = hs;
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *why = dlerror();
        return sts__err(err, STS_ENOTFOUND, "cannot load plugin %s: %s", path,
                        why ? why : "unknown error");
    }
    sts_plugin_entry_fn entry;
    void *sym = dlsym(h, STS_PLUGIN_ENTRY_NAME);
    memcpy(&entry, &sym, sizeof entry); /* object-to-function pointer, as POSIX allows */
    if (!sym) {
        dlclose(h);
        return sts__err(err, STS_EVERSION, "%s is not a libstatefulset plugin (no %s)", path,
                        STS_PLUGIN_ENTRY_NAME);
    }
    size_t before = reg->count;
    int rc = entry(reg, STS_PLUGIN_ABI_VERSION, err);
    if (rc) {
        /* drop what it registered before failing: its code is about to go */
        for (size_t i = before; i < reg->count; i++)
            if (reg->sers[i].destroy)
                reg->sers[i].destroy(reg->sers[i].userdata);
        reg->count = before;
        dlclose(h);
        if (err && !*err)
            sts__err(err, rc, "plugin %s failed to register: %s", path, sts_strerror(rc));
        return rc;
    }
    reg->handles[reg->nhandles++] = h;
    return 0;
}

size_t sts_registry_count(const sts_registry *reg)
{
    return reg ? reg->count : 0;
}

const sts_serializer *sts_registry_at(const sts_registry *reg, size_t i)
{
    return reg && i < reg->count ? &reg->sers[i] : NULL;
}

static int list_has(const char *list, const char *word, size_t wlen)
{
    if (!list)
        return 0;
    while (*list) {
        size_t n = strcspn(list, ",");
        if (n == wlen && strncasecmp(list, word, n) == 0)
            return 1;
        list += n;
        if (*list == ',')
            list++;
    }
    return 0;
}

const sts_serializer *sts_registry_find(const sts_registry *reg, const char *name)
{
    if (!reg || !name)
        return NULL;
    for (size_t i = 0; i < reg->count; i++)
        if (strcasecmp(reg->sers[i].name, name) == 0)
            return &reg->sers[i];
    for (size_t i = 0; i < reg->count; i++)
        if (list_has(reg->sers[i].extensions, name, strlen(name)))
            return &reg->sers[i];
    for (size_t i = 0; i < reg->count; i++)
        if (reg->sers[i].media_type && strcasecmp(reg->sers[i].media_type, name) == 0)
            return &reg->sers[i];
    return NULL;
}

const sts_serializer *sts_registry_guess(const sts_registry *reg, const char *path,
                                         const char *data, size_t len)
{
    if (!reg)
        return NULL;
    if (path) {
        const char *dot = strrchr(path, '.');
        const char *slash = strrchr(path, '/');
        if (dot && (!slash || dot > slash) && dot[1]) {
            for (size_t i = 0; i < reg->count; i++)
                if ((reg->sers[i].flags & STS_SERIALIZER_DECODE) &&
                    list_has(reg->sers[i].extensions, dot + 1, strlen(dot + 1)))
                    return &reg->sers[i];
        }
    }
    size_t i = 0;
    if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
        (unsigned char)data[2] == 0xBF)
        i = 3;
    while (i < len && isspace((unsigned char)data[i]))
        i++;
    const char *name = (i < len && (data[i] == '{' || data[i] == '[')) ? "json" : "yaml";
    return sts_registry_find(reg, name);
}
