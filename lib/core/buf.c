#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../internal.h"

void sts_buf_dispose(sts_buf *buf)
{
    if (!buf)
        return;
    free(buf->data);
    buf->data = NULL;
    buf->len = buf->cap = 0;
}

int sts_buf_reserve(sts_buf *buf, size_t extra)
{
    if (!buf)
        return STS_EINVAL;
    if (extra > SIZE_MAX - buf->len - 1)
        return STS_ENOMEM;
    size_t need = buf->len + extra + 1;
    if (need <= buf->cap)
        return 0;
    size_t cap = buf->cap ? buf->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(buf->data, cap);
    if (!p)
        return STS_ENOMEM;
    buf->data = p;
    buf->cap = cap;
    return 0;
}

int sts_buf_append(sts_buf *buf, const char *data, size_t len)
{
    int rc = sts_buf_reserve(buf, len);
    if (rc)
        return rc;
    if (len)
        memcpy(buf->data + buf->len, data, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
    return 0;
}

char *sts_buf_detach(sts_buf *buf)
{
    if (!buf || !buf->data)
        return NULL;
    char *p = buf->data;
    buf->data = NULL;
    buf->len = buf->cap = 0;
    return p;
}

int sts__buf_putc(sts_buf *b, char c)
{
    return sts_buf_append(b, &c, 1);
}

int sts__buf_vprintf(sts_buf *b, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, cp);
    va_end(cp);
    if (n < 0)
        return STS_EINVAL;
    if ((size_t)n < sizeof small)
        return sts_buf_append(b, small, (size_t)n);
    int rc = sts_buf_reserve(b, (size_t)n);
    if (rc)
        return rc;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return 0;
}

int sts__buf_printf(sts_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = sts__buf_vprintf(b, fmt, ap);
    va_end(ap);
    return rc;
}

void sts_free(void *ptr)
{
    free(ptr);
}
