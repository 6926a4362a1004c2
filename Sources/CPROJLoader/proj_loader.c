// libproj opened while a command reads its inputs rather than linked: with the libraries it pulls in (curl, TLS,
// TIFF, SQLite and theirs, some thirty) its loading cost every start about five milliseconds before the first line
// of the program ran. Each PROJ function the project calls is defined here with PROJ's own declaration and forwards
// to the library's symbol; the first call waits for the library, and a library that cannot be opened ends the
// process with the loader's reason, as a missing linked library would.
#include "proj_loader.h"
#include <proj.h>
#include <geodesic.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

// Every forwarded function: X(name).
#define PROJ_FUNCTIONS(X) \
    X(proj_context_create) X(proj_context_errno) X(proj_context_errno_string) X(proj_coord) X(proj_create) \
    X(proj_destroy) X(proj_errno) X(proj_errno_reset) X(proj_log_level) X(proj_trans) \
    X(proj_context_set_search_paths) X(proj_log_func) \
    X(geod_geninverse) X(geod_init) X(geod_inverse) X(geod_polygonarea)

// A pointer of each function's own type, filled by the loader.
#define POINTER(name) static __typeof__(&name) real_##name;
PROJ_FUNCTIONS(POINTER)

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;
static char failure[512];

static void load(void) {
    // The development link first (it names whatever PROJ is installed), then the sonames of recent releases.
    static const char *names[] = {"libproj.so", "libproj.so.25", "libproj.so.26", "libproj.so.22", "libproj.so.19"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names && !library; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (!library) {
        snprintf(failure, sizeof failure, "libproj could not be opened (%s)", dlerror());
        return;
    }
#define RESOLVE(name) \
    if (!(real_##name = (__typeof__(&name))dlsym(library, #name))) { \
        snprintf(failure, sizeof failure, "libproj has no function %s", #name); \
        return; \
    }
    PROJ_FUNCTIONS(RESOLVE)
    loaded = 1;
}

static void *load_on_thread(void *unused) {
    (void)unused;
    pthread_once(&once, load);
    return NULL;
}

static void start(void) {
    pthread_t thread;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    // Without a thread the first call opens the library itself.
    if (pthread_create(&thread, &attributes, load_on_thread, NULL) != 0) pthread_once(&once, load);
    pthread_attr_destroy(&attributes);
}

void controlmap_proj_prefetch(void) {
    static pthread_once_t started = PTHREAD_ONCE_INIT;
    pthread_once(&started, start);
}

static void require(void) {
    pthread_once(&once, load);
    if (loaded) return;
    fprintf(stderr, "controlmap: %s; install PROJ (Debian: libproj25 or libproj-dev)\n", failure);
    fflush(stderr);
    _exit(1);
}

PJ_CONTEXT *proj_context_create(void) { require(); return real_proj_context_create(); }
int proj_context_errno(PJ_CONTEXT *context) { require(); return real_proj_context_errno(context); }
const char *proj_context_errno_string(PJ_CONTEXT *context, int error) {
    require();
    return real_proj_context_errno_string(context, error);
}
PJ_COORD proj_coord(double x, double y, double z, double t) { require(); return real_proj_coord(x, y, z, t); }
PJ *proj_create(PJ_CONTEXT *context, const char *definition) { require(); return real_proj_create(context, definition); }
PJ *proj_destroy(PJ *transform) { require(); return real_proj_destroy(transform); }
int proj_errno(const PJ *transform) { require(); return real_proj_errno(transform); }
int proj_errno_reset(const PJ *transform) { require(); return real_proj_errno_reset(transform); }
PJ_LOG_LEVEL proj_log_level(PJ_CONTEXT *context, PJ_LOG_LEVEL level) {
    require();
    return real_proj_log_level(context, level);
}
void proj_context_set_search_paths(PJ_CONTEXT *context, int count, const char *const *paths) {
    require();
    real_proj_context_set_search_paths(context, count, paths);
}
void proj_log_func(PJ_CONTEXT *context, void *data, PJ_LOG_FUNCTION function) {
    require();
    real_proj_log_func(context, data, function);
}
PJ_COORD proj_trans(PJ *transform, PJ_DIRECTION direction, PJ_COORD coord) {
    require();
    return real_proj_trans(transform, direction, coord);
}
double geod_geninverse(const struct geod_geodesic *g, double lat1, double lon1, double lat2, double lon2,
                       double *ps12, double *pazi1, double *pazi2, double *pm12, double *pM12, double *pM21,
                       double *pS12) {
    require();
    return real_geod_geninverse(g, lat1, lon1, lat2, lon2, ps12, pazi1, pazi2, pm12, pM12, pM21, pS12);
}
void geod_init(struct geod_geodesic *g, double a, double f) { require(); real_geod_init(g, a, f); }
void geod_inverse(const struct geod_geodesic *g, double lat1, double lon1, double lat2, double lon2, double *ps12,
                  double *pazi1, double *pazi2) {
    require();
    real_geod_inverse(g, lat1, lon1, lat2, lon2, ps12, pazi1, pazi2);
}
void geod_polygonarea(const struct geod_geodesic *g, double lats[], double lons[], int n, double *pA, double *pP) {
    require();
    real_geod_polygonarea(g, lats, lons, n, pA, pP);
}
