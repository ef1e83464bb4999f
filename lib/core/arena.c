/* Bump allocator: a document's nodes and strings live and die together,
 * so per-node malloc/free would only add cost (parsing is allocation-bound). */
#include <stdlib.h>
#include <string.h>

#include "../internal.h"

#define ARENA_FIRST_CHUNK 8192u
#define ARENA_MAX_CHUNK (1u << 20)

typedef struct chunk {
    struct chunk *prev;
    size_t size, used;
    max_align_t data[];
} chunk;

struct sts_arena {
    size_t refs;
    chunk *head;
    size_t next_size;
};

sts_arena *sts__arena_new(void)
{
    sts_arena *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->refs = 1;
    a->next_size = ARENA_FIRST_CHUNK;
    return a;
}

void sts__arena_ref(sts_arena *a)
{
    a->refs++;
}

void sts__arena_unref(sts_arena *a)
{
    if (!a || --a->refs)
        return;
    for (chunk *c = a->head; c;) {
        chunk *p = c->prev;
        free(c);
        c = p;
    }
    free(a);
}

static chunk *chunk_new(sts_arena *a, size_t need)
{
    size_t size = a->next_size;
    if (size < need)
        size = need;
    if (size > SIZE_MAX - sizeof(chunk))
        return NULL;
    chunk *c = malloc(sizeof(chunk) + size);
    if (!c)
        return NULL;
    c->size = size;
    c->used = 0;
    if (a->next_size < ARENA_MAX_CHUNK)
        a->next_size *= 2;
    return c;
}

void *sts__arena_alloc(sts_arena *a, size_t size)
{
    size = (size + 15u) & ~(size_t)15u;
    if (size == 0)
        size = 16;
    chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        chunk *n = chunk_new(a, size);
        if (!n)
            return NULL;
        /* A big one-off block goes behind the current chunk so the
         * current chunk's free space is not thrown away. */
        if (c && size > a->next_size / 4 && c->size - c->used >= 256) {
            n->prev = c->prev;
            c->prev = n;
            n->used = size;
            return n->data;
        }
        n->prev = c;
        a->head = c = n;
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    return p;
}

char *sts__arena_strndup(sts_arena *a, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = sts__arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
