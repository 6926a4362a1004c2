#include <stdio.h>
#include <libqhull_r/qhull_ra.h>

/* The k-th element of a qhull set: its elements sit in a flexible array that Swift cannot index. */
static inline void *cqhull_set_element(setT *set, int k) { return set->e[k].p; }
