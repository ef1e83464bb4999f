/**
 * @file statefulset.h
 * @brief libstatefulset: Kubernetes StatefulSet semantics as a C library.
 *
 * Umbrella header. Conventions (see README):
 * - fallible functions return 0 or a negative STS_E* code, with an optional
 *   `sts_error **err` last argument;
 * - every type has one NULL-safe free function; getters return borrowed
 *   pointers valid until their owner changes or is freed;
 * - no global state, no global init.
 *
 * Thread safety: distinct objects may be used from different threads
 * freely; one object may be read from several threads at once; changing an
 * object needs the caller's lock. A registry may be shared for decoding and
 * encoding once no more serializers are being added. Documents split from
 * one `kind: List` share memory and count as one object.
 */
#ifndef STATEFULSET_H
#define STATEFULSET_H

#include "common.h"
#include "version.h"
#include "buf.h"
#include "error.h"
#include "doc.h"
#include "serial.h"
#include "model.h"
#include "identity.h"
#include "dns.h"
#include "api.h"
#include "revision.h"
#include "impact.h"

#endif
