// GDAL's C API, included by path so that no pkg-config flags (and no link to libgdal) are needed: the library is
// opened on first use by CGDALLoader, not at start-up.
#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <gdal/cpl_conv.h>
#include <gdal/cpl_error.h>
#include <gdal/cpl_string.h>
#include <gdal/cpl_vsi.h>
