#ifndef DATELINE_RESOURCES_H
#define DATELINE_RESOURCES_H
#include <stddef.h>

/// The bytes of the resource file `name` (a path relative to Resources/), or NULL when there is none.
const unsigned char *dateline_resource(const char *name, size_t *length);

/// The name of the i-th embedded resource, or NULL past the last.
const char *dateline_resource_name(size_t index);

#endif
