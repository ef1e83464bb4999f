/* Decoding speed of libstatefulset against the floor set by its own
 * parsers, measured in one process on the same bytes.
 *
 *   YAML: sts_load (typed objects) vs a bare libyaml event scan
 *         (yaml_parser_parse + yaml_event_delete for every event) and vs
 *         libyaml's own document loader (yaml_parser_load + yaml_document_delete)
 *   JSON: sts_load of the JSON List vs json-c's bare parse + free
 *         (json_tokener_parse + json_object_put)
 *
 * Modes run interleaved, one of each per round (the order alternates every
 * round so drift hits all modes alike), after one warm-up round. Reported:
 * median and min-max per mode, and each ratio as the median of per-round
 * ratios, as in shared/bench/BASELINES.md. The machine is noisy; ratios
 * taken pair by pair are the figures to trust.
 *
 * usage: bench-decode [-n ROUNDS] [--check] CORPUS.yaml CORPUS.json
 *   --check  exit 1 when a ratio misses its target (YAML <= 1.3x scan,
 *            JSON <= 1.2x json-c)
 */
#define _POSIX_C_SOURCE 200809L
#include <json-c/json.h>
#include <yaml.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <statefulset/statefulset.h>

#define YAML_TARGET 1.3
#define JSON_TARGET 1.2
#define MAX_ROUNDS 101

enum { M_STS_YAML, M_SCAN, M_LOAD, M_TREE_YAML, M_STS_JSON, M_JSONC, M_TREE_JSON, M_COUNT };

static const char *const mode_names[M_COUNT] = {
    "sts_load yaml (typed objects)", "libyaml event scan", "libyaml yaml_parser_load",
    "sts_decode yaml (tree only)", "sts_load json List (typed)", "json-c parse + put",
    "sts_decode json (tree only)",
};
static const int mode_is_json[M_COUNT] = {0, 0, 0, 0, 1, 1, 1};

typedef struct {
    char *data;
    size_t len;
} input;

static sts_registry *reg;
static size_t expect_docs;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static input read_file(const char *path)
{
    input in = {NULL, 0};
    FILE *f = fopen(path, "rb");
    long n;
    if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fprintf(stderr, "bench-decode: cannot read %s\n", path);
        exit(2);
    }
    in.data = malloc((size_t)n + 1);
    if (!in.data || fread(in.data, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "bench-decode: cannot read %s\n", path);
        exit(2);
    }
    in.data[n] = '\0';
    in.len = (size_t)n;
    fclose(f);
    return in;
}

static void die_sts(const char *what, int rc, sts_error *err)
{
    sts_buf msg = STS_BUF_INIT;
    sts_error_format(&msg, err);
    fprintf(stderr, "bench-decode: %s: %s: %s\n", what, sts_status_name(rc),
            msg.data ? msg.data : "");
    exit(1);
}

static size_t run_sts_load(const input *in, const char *format)
{
    sts_object_list *list = NULL;
    sts_error *err = NULL;
    int rc = sts_load(&list, reg, format, in->data, in->len, NULL, &err);
    if (rc != 0)
        die_sts("sts_load", rc, err);
    size_t n = sts_object_list_count(list);
    sts_object_list_free(list);
    return n;
}

static size_t run_sts_decode(const input *in, const char *format)
{
    sts_doclist *list = NULL;
    sts_error *err = NULL;
    int rc = sts_doclist_new(&list);
    if (rc == 0)
        rc = sts_decode(list, reg, format, in->data, in->len, NULL, &err);
    if (rc != 0)
        die_sts("sts_decode", rc, err);
    size_t n = sts_doclist_count(list);
    sts_doclist_free(list);
    return n;
}

static size_t run_scan(const input *in)
{
    yaml_parser_t p;
    yaml_event_t ev;
    size_t docs = 0;
    int done = 0;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, (const unsigned char *)in->data, in->len);
    while (!done) {
        if (!yaml_parser_parse(&p, &ev)) {
            fprintf(stderr, "bench-decode: libyaml: %s\n", p.problem);
            exit(1);
        }
        docs += ev.type == YAML_DOCUMENT_START_EVENT;
        done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
    return docs;
}

static size_t run_load(const input *in)
{
    yaml_parser_t p;
    yaml_document_t doc;
    size_t docs = 0;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, (const unsigned char *)in->data, in->len);
    for (;;) {
        if (!yaml_parser_load(&p, &doc)) {
            fprintf(stderr, "bench-decode: libyaml: %s\n", p.problem);
            exit(1);
        }
        int empty = yaml_document_get_root_node(&doc) == NULL;
        yaml_document_delete(&doc);
        if (empty)
            break;
        docs++;
    }
    yaml_parser_delete(&p);
    return docs;
}

static size_t run_jsonc(const input *in)
{
    json_object *o = json_tokener_parse(in->data);
    if (!o) {
        fprintf(stderr, "bench-decode: json-c cannot parse the JSON input\n");
        exit(1);
    }
    json_object *items = NULL;
    size_t n = json_object_object_get_ex(o, "items", &items) ? json_object_array_length(items) : 1;
    json_object_put(o);
    return n;
}

static size_t run_mode(int m, const input *yaml, const input *json)
{
    switch (m) {
    case M_STS_YAML: return run_sts_load(yaml, "yaml");
    case M_SCAN: return run_scan(yaml);
    case M_LOAD: return run_load(yaml);
    case M_TREE_YAML: return run_sts_decode(yaml, "yaml");
    case M_STS_JSON: return run_sts_load(json, "json");
    case M_JSONC: return run_jsonc(json);
    case M_TREE_JSON: return run_sts_decode(json, "json");
    default: return 0;
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(const double *v, int n)
{
    double s[MAX_ROUNDS] = {0};
    memcpy(s, v, (size_t)n * sizeof *v);
    qsort(s, (size_t)n, sizeof *s, cmp_double);
    return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

static void minmax(const double *v, int n, double *lo, double *hi)
{
    *lo = *hi = v[0];
    for (int i = 1; i < n; i++) {
        if (v[i] < *lo)
            *lo = v[i];
        if (v[i] > *hi)
            *hi = v[i];
    }
}

/* median of per-round ratios a/b, with min-max */
static double ratio(const double *a, const double *b, int n, double *lo, double *hi)
{
    double r[MAX_ROUNDS] = {0};
    for (int i = 0; i < n; i++)
        r[i] = a[i] / b[i];
    minmax(r, n, lo, hi);
    return median(r, n);
}

int main(int argc, char **argv)
{
    int rounds = 9, check = 0, argi = 1;
    sts_error *err = NULL;
    static double t[M_COUNT][MAX_ROUNDS];

    for (; argi < argc && argv[argi][0] == '-'; argi++) {
        if (strcmp(argv[argi], "-n") == 0 && argi + 1 < argc)
            rounds = atoi(argv[++argi]);
        else if (strcmp(argv[argi], "--check") == 0)
            check = 1;
        else
            break;
    }
    if (argc - argi != 2 || rounds < 1 || rounds > MAX_ROUNDS) {
        fprintf(stderr, "usage: bench-decode [-n ROUNDS (1-%d)] [--check] CORPUS.yaml CORPUS.json\n",
                MAX_ROUNDS);
        return 2;
    }
    input yaml = read_file(argv[argi]), json = read_file(argv[argi + 1]);
    int rc = sts_registry_new(&reg, 0, &err);
    if (rc != 0)
        die_sts("sts_registry_new", rc, err);

    /* warm-up round, which also checks every mode sees the same documents */
    expect_docs = run_scan(&yaml);
    for (int m = 0; m < M_COUNT; m++) {
        size_t n = run_mode(m, &yaml, &json);
        if (n != expect_docs) {
            fprintf(stderr, "bench-decode: %s saw %zu documents, the scan %zu\n", mode_names[m],
                    n, expect_docs);
            return 1;
        }
    }
    for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < M_COUNT; k++) {
            int m = r % 2 ? M_COUNT - 1 - k : k;
            double t0 = now_ms();
            run_mode(m, &yaml, &json);
            t[m][r] = now_ms() - t0;
        }
    }

    printf("libstatefulset %s decode benchmark: %zu documents, YAML %.2f MB, JSON %.2f MB, "
           "%d rounds\n", sts_version_string(), expect_docs, (double)yaml.len / 1e6,
           (double)json.len / 1e6, rounds);
    printf("%-32s %10s %19s %9s %10s\n", "mode", "median ms", "(min-max)", "MB/s", "docs/s");
    for (int m = 0; m < M_COUNT; m++) {
        double lo, hi, med = median(t[m], rounds);
        minmax(t[m], rounds, &lo, &hi);
        size_t bytes = mode_is_json[m] ? json.len : yaml.len;
        printf("%-32s %10.1f %8.1f - %8.1f %9.1f %10.0f\n", mode_names[m], med, lo, hi,
               (double)bytes / 1e3 / med, (double)expect_docs * 1e3 / med);
    }
    double lo, hi;
    double ry = ratio(t[M_STS_YAML], t[M_SCAN], rounds, &lo, &hi);
    printf("ratio sts_load yaml / libyaml scan : %.3f (%.3f-%.3f)  target <= %.1f  %s\n", ry, lo,
           hi, YAML_TARGET, ry <= YAML_TARGET ? "MET" : "MISSED");
    double rl = ratio(t[M_LOAD], t[M_SCAN], rounds, &lo, &hi);
    printf("ratio libyaml load / libyaml scan  : %.3f (%.3f-%.3f)  (reference)\n", rl, lo, hi);
    double rt = ratio(t[M_STS_YAML], t[M_LOAD], rounds, &lo, &hi);
    printf("ratio sts_load yaml / libyaml load : %.3f (%.3f-%.3f)\n", rt, lo, hi);
    double rj = ratio(t[M_STS_JSON], t[M_JSONC], rounds, &lo, &hi);
    printf("ratio sts_load json / json-c       : %.3f (%.3f-%.3f)  target <= %.1f  %s\n", rj, lo,
           hi, JSON_TARGET, rj <= JSON_TARGET ? "MET" : "MISSED");

    sts_registry_free(reg);
    free(yaml.data);
    free(json.data);
    return check && (ry > YAML_TARGET || rj > JSON_TARGET) ? 1 : 0;
}
