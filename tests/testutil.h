/* Small helpers shared by the Check suites. */
#ifndef STS_TESTUTIL_H
#define STS_TESTUTIL_H

#include <stddef.h>

/* Read a whole file (NUL-terminated); aborts the test on failure. Free with free(). */
char *tu_read_file(const char *path, size_t *len);
/* Path of a file under tests/data (STS_TEST_DATA), in a static buffer. */
const char *tu_data(const char *name);

#endif
