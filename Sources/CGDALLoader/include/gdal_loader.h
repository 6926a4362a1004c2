#ifndef CONTROLMAP_GDAL_LOADER_H
#define CONTROLMAP_GDAL_LOADER_H
#include <stddef.h>

/// Opens libgdal once per process. Returns 1 when every function the project calls was found; otherwise 0, with
/// the loader's reason in `message` (at most `size` bytes). Call it before any GDAL function.
int controlmap_gdal_load(char *message, size_t size);

#endif
