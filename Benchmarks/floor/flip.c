/* The floor for `ctoboard toggle`: the least work a safe two-file toggle can do.
 *
 *     flip OWNER.md TODO.md
 *
 * Reads both files, finds the first task line of TODO.md that ends in " [Owner: CTO]" and
 * the owner-document line with the same text (without the tag and, in the area layout,
 * without the [Status: ...] [Priority: ...] tags), flips the checkbox byte of each
 * ("[ ]" <-> "[x]"), and replaces each file the POSIX-safe way: a temp file in the same
 * folder, fsync, rename over the original, fsync the folder. No parsing beyond that, no
 * journal, no lock. Run twice, both files are back to their original bytes.
 * Exit 0 on success, 1 when no such pair of lines is found, 3 on an I/O error.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char TAG[] = " [Owner: CTO]";

static char *slurp(const char *path, size_t *len) {
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) { perror(path); exit(3); }
    char *buf = malloc((size_t)st.st_size + 1);
    size_t got = 0;
    while (got < (size_t)st.st_size) {
        ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
        if (n <= 0) { perror(path); exit(3); }
        got += (size_t)n;
    }
    close(fd);
    *len = got;
    return buf;
}

/* The end of the line starting at s, without its "\n" or "\r\n". */
static size_t line_end(const char *d, size_t len, size_t s, size_t *next) {
    const char *nl = memchr(d + s, '\n', len - s);
    size_t e = nl ? (size_t)(nl - d) : len;
    *next = e + 1;
    if (e > s && d[e - 1] == '\r') e--;
    return e;
}

static int is_task(const char *d, size_t s, size_t e) {
    return e - s >= 6 && memcmp(d + s, "- [", 3) == 0 && (d[s + 3] == ' ' || d[s + 3] == 'x') &&
           memcmp(d + s + 4, "] ", 2) == 0;
}

static void replace_file(const char *path, const char *data, size_t len) {
    char tmp[4096], folder[4096];
    snprintf(folder, sizeof folder, "%s", path);
    char *dir = dirname(folder);
    snprintf(tmp, sizeof tmp, "%s/.flip-%d.tmp", dir, (int)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0) { perror(tmp); exit(3); }
    for (size_t done = 0; done < len;) {
        ssize_t n = write(fd, data + done, len - done);
        if (n <= 0) { perror(tmp); exit(3); }
        done += (size_t)n;
    }
    if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) { perror(path); exit(3); }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dfd < 0 || fsync(dfd) != 0) { perror(dir); exit(3); }
    close(dfd);
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: flip OWNER.md TODO.md\n"); return 2; }
    size_t olen, tlen, next;
    char *owner = slurp(argv[1], &olen), *todo = slurp(argv[2], &tlen);
    size_t tag = sizeof TAG - 1, ts = 0, te = 0, body = 0, blen = 0;
    int found = 0;
    for (size_t s = 0; s < tlen && !found; s = next) {
        size_t e = line_end(todo, tlen, s, &next);
        if (is_task(todo, s, e) && e - s >= 6 + tag && memcmp(todo + e - tag, TAG, tag) == 0) {
            ts = s; te = e - tag; body = s + 6; blen = te - body;
            const char *cut = memmem(todo + body, blen, " [Status: ", 10);
            if (cut) blen = (size_t)(cut - (todo + body));
            found = 1;
        }
    }
    if (!found) { fprintf(stderr, "no [Owner: CTO] task in %s\n", argv[2]); return 1; }
    size_t os = 0;
    found = 0;
    for (size_t s = 0; s < olen && !found; s = next) {
        size_t e = line_end(owner, olen, s, &next);
        if (is_task(owner, s, e) && e - s == blen + 6 && memcmp(owner + s + 6, todo + body, blen) == 0) {
            os = s;
            found = 1;
        }
    }
    if (!found) { fprintf(stderr, "task not found in %s\n", argv[1]); return 1; }
    todo[ts + 3] = todo[ts + 3] == ' ' ? 'x' : ' ';
    owner[os + 3] = owner[os + 3] == ' ' ? 'x' : ' ';
    replace_file(argv[2], todo, tlen);
    replace_file(argv[1], owner, olen);
    return 0;
}
