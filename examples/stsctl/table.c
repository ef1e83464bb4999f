/* Aligned columns as kubectl prints them (Go's tabwriter with padding 3):
 * every column as wide as its widest cell plus three spaces, the last
 * column unpadded, widths counted in characters, not bytes. */
#include <stdlib.h>
#include <string.h>

#include "stsctl.h"

int stsctl_table_init(stsctl_table *t, size_t ncols)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    return 0;
}

void stsctl_table_dispose(stsctl_table *t)
{
    for (size_t i = 0; i < t->ncells; i++)
        free(t->cells[i]);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

int stsctl_table_add(stsctl_table *t, const char *const *row)
{
    if (t->ncells + t->ncols > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        while (cap < t->ncells + t->ncols)
            cap *= 2;
        char **p = realloc(t->cells, cap * sizeof *p);
        if (!p)
            return STS_ENOMEM;
        t->cells = p;
        t->cap = cap;
    }
    for (size_t c = 0; c < t->ncols; c++) {
        const char *s = row[c] ? row[c] : "";
        char *copy = malloc(strlen(s) + 1);
        if (!copy) {
            for (size_t k = 0; k < c; k++)
                free(t->cells[t->ncells + k]);
            return STS_ENOMEM;
        }
        strcpy(copy, s);
        t->cells[t->ncells + c] = copy;
    }
    t->ncells += t->ncols;
    return 0;
}

/* UTF-8 characters: every byte that does not continue a sequence */
static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

int stsctl_table_render(sts_buf *out, const stsctl_table *t)
{
    size_t *w = calloc(t->ncols ? t->ncols : 1, sizeof *w);
    if (!w)
        return STS_ENOMEM;
    for (size_t i = 0; i < t->ncells; i++) {
        size_t cw = width(t->cells[i]);
        if (cw > w[i % t->ncols])
            w[i % t->ncols] = cw;
    }
    int rc = 0;
    for (size_t i = 0; !rc && i < t->ncells; i++) {
        size_t c = i % t->ncols;
        const char *s = t->cells[i];
        rc = sts_buf_append(out, s, strlen(s));
        if (c + 1 == t->ncols) {
            if (!rc)
                rc = sts_buf_append(out, "\n", 1);
            continue;
        }
        for (size_t pad = w[c] + 3 - width(s); !rc && pad > 0; pad--)
            rc = sts_buf_append(out, " ", 1);
    }
    free(w);
    return rc;
}
