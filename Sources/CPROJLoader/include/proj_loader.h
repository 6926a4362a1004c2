#ifndef CONTROLMAP_PROJ_LOADER_H
#define CONTROLMAP_PROJ_LOADER_H

/// Starts opening libproj on a thread of its own, so that its loading overlaps the work before the first
/// projection or geodesic; the first PROJ call waits for it. Calling it again does nothing.
void controlmap_proj_prefetch(void);

#endif
