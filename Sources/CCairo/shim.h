#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
