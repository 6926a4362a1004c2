// libgdal opened on first use rather than linked: it pulls in over a hundred shared libraries, whose loading and
// relocation would otherwise cost every command (a map render included) tens of milliseconds and megabytes, though
// only the GIS exports use GDAL. Each GDAL function the project calls is defined here with GDAL's own declaration
// and forwards to the library's symbol, resolved by controlmap_gdal_load.
#include "gdal_loader.h"
#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <gdal/cpl_conv.h>
#include <gdal/cpl_error.h>
#include <gdal/cpl_string.h>
#include <gdal/cpl_vsi.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// Every forwarded function: X(name).
#define GDAL_FUNCTIONS(X) \
    X(CPLErrorReset) X(CPLGetLastErrorMsg) X(CPLGetLastErrorType) X(CPLQuietErrorHandler) X(CPLSetErrorHandler) \
    X(CPLSetThreadLocalConfigOption) X(CSLDestroy) X(CSLSetNameValue) \
    X(GDALAllRegister) X(GDALClose) X(GDALCreate) X(GDALCreateCopy) X(GDALDatasetCreateLayer) \
    X(GDALGetDriverByName) X(GDALOpen) X(GDALSetGeoTransform) X(GDALSetProjection) \
    X(OGR_F_Create) X(OGR_F_Destroy) X(OGR_F_GetFieldIndex) X(OGR_F_SetFID) X(OGR_F_SetFieldDouble) \
    X(OGR_F_SetFieldNull) X(OGR_F_SetFieldString) X(OGR_F_SetGeometryDirectly) \
    X(OGR_Fld_Create) X(OGR_Fld_Destroy) X(OGR_Fld_SetWidth) \
    X(OGR_G_AddGeometryDirectly) X(OGR_G_AddPoint_2D) X(OGR_G_CreateGeometry) X(OGR_G_SetPoint_2D) \
    X(OGR_L_CreateFeature) X(OGR_L_CreateField) X(OGR_L_GetLayerDefn) \
    X(OSRExportToWkt) X(OSRImportFromEPSG) X(OSRImportFromProj4) X(OSRMorphToESRI) X(OSRNewSpatialReference) \
    X(OSRRelease) X(OSRSetAxisMappingStrategy) \
    X(VSIFCloseL) X(VSIFileFromMemBuffer) X(VSIFree) X(VSIGetMemFileBuffer) X(VSIMalloc) X(VSIUnlink)

// A pointer of each function's own type, filled by the loader.
#define POINTER(name) static __typeof__(&name) real_##name;
GDAL_FUNCTIONS(POINTER)

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;
static char failure[512];

static void load(void) {
    // The development link first (it names whatever GDAL is installed), then the sonames of recent releases.
    static const char *names[] = {"libgdal.so", "libgdal.so.36", "libgdal.so.35", "libgdal.so.34", "libgdal.so.33",
                                  "libgdal.so.32", "libgdal.so.31", "libgdal.so.30"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names && !library; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (!library) {
        snprintf(failure, sizeof failure, "libgdal could not be opened (%s)", dlerror());
        return;
    }
#define RESOLVE(name) \
    if (!(real_##name = (__typeof__(&name))dlsym(library, #name))) { \
        snprintf(failure, sizeof failure, "libgdal has no function %s", #name); \
        return; \
    }
    GDAL_FUNCTIONS(RESOLVE)
    loaded = 1;
}

int controlmap_gdal_load(char *message, size_t size) {
    pthread_once(&once, load);
    if (!loaded && message && size > 0) snprintf(message, size, "%s", failure);
    return loaded;
}

// Calls before a successful load are a programming error: the Swift side loads first.
static void require_loaded(const char *name) {
    if (loaded) return;
    fprintf(stderr, "controlmap: %s called before libgdal was loaded\n", name);
    abort();
}
#define REQUIRE(name) require_loaded(#name)

void CPLErrorReset(void) { REQUIRE(CPLErrorReset); real_CPLErrorReset(); }
const char *CPLGetLastErrorMsg(void) { REQUIRE(CPLGetLastErrorMsg); return real_CPLGetLastErrorMsg(); }
CPLErr CPLGetLastErrorType(void) { REQUIRE(CPLGetLastErrorType); return real_CPLGetLastErrorType(); }
void CPLQuietErrorHandler(CPLErr type, CPLErrorNum number, const char *message) {
    REQUIRE(CPLQuietErrorHandler);
    real_CPLQuietErrorHandler(type, number, message);
}
CPLErrorHandler CPLSetErrorHandler(CPLErrorHandler handler) {
    REQUIRE(CPLSetErrorHandler);
    return real_CPLSetErrorHandler(handler);
}
void CPLSetThreadLocalConfigOption(const char *key, const char *value) {
    REQUIRE(CPLSetThreadLocalConfigOption);
    real_CPLSetThreadLocalConfigOption(key, value);
}
void CSLDestroy(char **list) { REQUIRE(CSLDestroy); real_CSLDestroy(list); }
char **CSLSetNameValue(char **list, const char *name, const char *value) {
    REQUIRE(CSLSetNameValue);
    return real_CSLSetNameValue(list, name, value);
}

void GDALAllRegister(void) { REQUIRE(GDALAllRegister); real_GDALAllRegister(); }
void GDALClose(GDALDatasetH dataset) { REQUIRE(GDALClose); real_GDALClose(dataset); }
GDALDatasetH GDALCreate(GDALDriverH driver, const char *name, int width, int height, int bands, GDALDataType type,
                        CSLConstList options) {
    REQUIRE(GDALCreate);
    return real_GDALCreate(driver, name, width, height, bands, type, options);
}
GDALDatasetH GDALCreateCopy(GDALDriverH driver, const char *name, GDALDatasetH source, int strict,
                            CSLConstList options, GDALProgressFunc progress, void *progressData) {
    REQUIRE(GDALCreateCopy);
    return real_GDALCreateCopy(driver, name, source, strict, options, progress, progressData);
}
OGRLayerH GDALDatasetCreateLayer(GDALDatasetH dataset, const char *name, OGRSpatialReferenceH srs,
                                 OGRwkbGeometryType type, CSLConstList options) {
    REQUIRE(GDALDatasetCreateLayer);
    return real_GDALDatasetCreateLayer(dataset, name, srs, type, options);
}
GDALDriverH GDALGetDriverByName(const char *name) {
    REQUIRE(GDALGetDriverByName);
    return real_GDALGetDriverByName(name);
}
GDALDatasetH GDALOpen(const char *name, GDALAccess access) { REQUIRE(GDALOpen); return real_GDALOpen(name, access); }
CPLErr GDALSetGeoTransform(GDALDatasetH dataset, double *transform) {
    REQUIRE(GDALSetGeoTransform);
    return real_GDALSetGeoTransform(dataset, transform);
}
CPLErr GDALSetProjection(GDALDatasetH dataset, const char *wkt) {
    REQUIRE(GDALSetProjection);
    return real_GDALSetProjection(dataset, wkt);
}

OGRFeatureH OGR_F_Create(OGRFeatureDefnH definition) { REQUIRE(OGR_F_Create); return real_OGR_F_Create(definition); }
void OGR_F_Destroy(OGRFeatureH feature) { REQUIRE(OGR_F_Destroy); real_OGR_F_Destroy(feature); }
int OGR_F_GetFieldIndex(OGRFeatureH feature, const char *name) {
    REQUIRE(OGR_F_GetFieldIndex);
    return real_OGR_F_GetFieldIndex(feature, name);
}
OGRErr OGR_F_SetFID(OGRFeatureH feature, GIntBig id) { REQUIRE(OGR_F_SetFID); return real_OGR_F_SetFID(feature, id); }
void OGR_F_SetFieldDouble(OGRFeatureH feature, int field, double value) {
    REQUIRE(OGR_F_SetFieldDouble);
    real_OGR_F_SetFieldDouble(feature, field, value);
}
void OGR_F_SetFieldNull(OGRFeatureH feature, int field) {
    REQUIRE(OGR_F_SetFieldNull);
    real_OGR_F_SetFieldNull(feature, field);
}
void OGR_F_SetFieldString(OGRFeatureH feature, int field, const char *value) {
    REQUIRE(OGR_F_SetFieldString);
    real_OGR_F_SetFieldString(feature, field, value);
}
OGRErr OGR_F_SetGeometryDirectly(OGRFeatureH feature, OGRGeometryH geometry) {
    REQUIRE(OGR_F_SetGeometryDirectly);
    return real_OGR_F_SetGeometryDirectly(feature, geometry);
}

OGRFieldDefnH OGR_Fld_Create(const char *name, OGRFieldType type) {
    REQUIRE(OGR_Fld_Create);
    return real_OGR_Fld_Create(name, type);
}
void OGR_Fld_Destroy(OGRFieldDefnH field) { REQUIRE(OGR_Fld_Destroy); real_OGR_Fld_Destroy(field); }
void OGR_Fld_SetWidth(OGRFieldDefnH field, int width) { REQUIRE(OGR_Fld_SetWidth); real_OGR_Fld_SetWidth(field, width); }

OGRErr OGR_G_AddGeometryDirectly(OGRGeometryH collection, OGRGeometryH member) {
    REQUIRE(OGR_G_AddGeometryDirectly);
    return real_OGR_G_AddGeometryDirectly(collection, member);
}
void OGR_G_AddPoint_2D(OGRGeometryH geometry, double x, double y) {
    REQUIRE(OGR_G_AddPoint_2D);
    real_OGR_G_AddPoint_2D(geometry, x, y);
}
OGRGeometryH OGR_G_CreateGeometry(OGRwkbGeometryType type) {
    REQUIRE(OGR_G_CreateGeometry);
    return real_OGR_G_CreateGeometry(type);
}
void OGR_G_SetPoint_2D(OGRGeometryH geometry, int index, double x, double y) {
    REQUIRE(OGR_G_SetPoint_2D);
    real_OGR_G_SetPoint_2D(geometry, index, x, y);
}

OGRErr OGR_L_CreateFeature(OGRLayerH layer, OGRFeatureH feature) {
    REQUIRE(OGR_L_CreateFeature);
    return real_OGR_L_CreateFeature(layer, feature);
}
OGRErr OGR_L_CreateField(OGRLayerH layer, OGRFieldDefnH field, int approximateOK) {
    REQUIRE(OGR_L_CreateField);
    return real_OGR_L_CreateField(layer, field, approximateOK);
}
OGRFeatureDefnH OGR_L_GetLayerDefn(OGRLayerH layer) { REQUIRE(OGR_L_GetLayerDefn); return real_OGR_L_GetLayerDefn(layer); }

OGRErr OSRExportToWkt(OGRSpatialReferenceH srs, char **wkt) {
    REQUIRE(OSRExportToWkt);
    return real_OSRExportToWkt(srs, wkt);
}
OGRErr OSRImportFromEPSG(OGRSpatialReferenceH srs, int code) {
    REQUIRE(OSRImportFromEPSG);
    return real_OSRImportFromEPSG(srs, code);
}
OGRErr OSRImportFromProj4(OGRSpatialReferenceH srs, const char *definition) {
    REQUIRE(OSRImportFromProj4);
    return real_OSRImportFromProj4(srs, definition);
}
OGRErr OSRMorphToESRI(OGRSpatialReferenceH srs) { REQUIRE(OSRMorphToESRI); return real_OSRMorphToESRI(srs); }
OGRSpatialReferenceH OSRNewSpatialReference(const char *wkt) {
    REQUIRE(OSRNewSpatialReference);
    return real_OSRNewSpatialReference(wkt);
}
void OSRRelease(OGRSpatialReferenceH srs) { REQUIRE(OSRRelease); real_OSRRelease(srs); }
void OSRSetAxisMappingStrategy(OGRSpatialReferenceH srs, OSRAxisMappingStrategy strategy) {
    REQUIRE(OSRSetAxisMappingStrategy);
    real_OSRSetAxisMappingStrategy(srs, strategy);
}

int VSIFCloseL(VSILFILE *file) { REQUIRE(VSIFCloseL); return real_VSIFCloseL(file); }
VSILFILE *VSIFileFromMemBuffer(const char *name, GByte *data, vsi_l_offset length, int takeOwnership) {
    REQUIRE(VSIFileFromMemBuffer);
    return real_VSIFileFromMemBuffer(name, data, length, takeOwnership);
}
void VSIFree(void *pointer) { REQUIRE(VSIFree); real_VSIFree(pointer); }
GByte *VSIGetMemFileBuffer(const char *name, vsi_l_offset *length, int unlinkAndSeize) {
    REQUIRE(VSIGetMemFileBuffer);
    return real_VSIGetMemFileBuffer(name, length, unlinkAndSeize);
}
void *VSIMalloc(size_t size) { REQUIRE(VSIMalloc); return real_VSIMalloc(size); }
int VSIUnlink(const char *name) { REQUIRE(VSIUnlink); return real_VSIUnlink(name); }
