"""ControllerRevisions (revision.h): the canonical bytes the controller
stores, their FNV-1 hash, revision names and objects, revision equality.

Every option maps onto sts_revision_opts; the library does the work.
"""

from ctypes import byref, string_at

from ._calls import check_object, optional_str, sized_string
from ._lib import (REVISION_MODES, REVISION_USE_COLLISION_COUNT, Buf, ErrorPtr, ObjectPtr,
                   RevisionOpts, lib)
from ._nodes import INT64_MAX, INT64_MIN, check_int32, encode_str


def fnv1_32(data):
    """32-bit FNV-1 (multiply, then XOR; not FNV-1a) of bytes (str is UTF-8 encoded)."""
    if isinstance(data, str):
        data = encode_str(data)
    data = bytes(data)
    return lib.sts_fnv1_32(data, len(data))


def revision_equal(a, b):
    """Revision equality as the controller decides it (EqualRevision): two
    ControllerRevisions whose hash labels both parse as int32 and differ are
    different; otherwise their canonical ``data`` bytes decide. None is
    allowed for either (two Nones are equal)."""
    from ._objects import Object
    for value, what in ((a, "a"), (b, "b")):
        if value is not None:
            check_object(value, Object, what)
    return lib.sts_revision_equal(a._p if a is not None else None,
                                  b._p if b is not None else None, ErrorPtr()) == 1


def revision_opts(kube_version=None, mode=None, collision_count=None):
    """sts_revision_opts from keyword arguments.

    kube_version: "1.31" ... "1.35" (also "v1.34", "1.34.2"); None = the
    newest the library knows. mode: "auto" (live when the object carries
    server-written fields, else authored), "live" (hash the template as
    given) or "authored" (first store it as that version's API server
    would); None = "auto". collision_count: None = ``status.collisionCount``.
    """
    opts = RevisionOpts()
    lib.sts_revision_opts_init(byref(opts))
    opts.kubernetes_version = optional_str(kube_version, "kube_version")
    if mode is not None:
        try:
            opts.mode = REVISION_MODES[mode]
        except (KeyError, TypeError):
            raise ValueError("mode must be one of %s, not %r"
                             % (", ".join(map(repr, REVISION_MODES)), mode)) from None
    if collision_count is not None:
        opts.collision_count = check_int32(collision_count, "collision_count")
        opts.flags |= REVISION_USE_COLLISION_COUNT
    return opts


class RevisionMixin:
    """StatefulSet methods for the set's current ControllerRevision."""

    __slots__ = ()

    def revision(self, kube_version=None, mode=None, collision_count=None):
        """The revision name (what ``status.updateRevision`` shows):
        ``<name up to 223 bytes>-<hash>``. See revision_opts() for the arguments."""
        opts = revision_opts(kube_version, mode, collision_count)
        return sized_string(lib.sts_revision_name, self._p, byref(opts), ErrorPtr())

    def revision_hash(self, kube_version=None, mode=None, collision_count=None):
        """The revision hash (the ``controller.kubernetes.io/hash`` label)."""
        opts = revision_opts(kube_version, mode, collision_count)
        return sized_string(lib.sts_revision_hash, self._p, byref(opts), ErrorPtr())

    def revision_bytes(self, kube_version=None, mode=None):
        """The revision data as bytes: ``{"spec":{"template":{...,"$patch":"replace"}}}``
        in the controller's canonical JSON (the hash input without the collision count)."""
        opts = revision_opts(kube_version, mode)
        buf = Buf()
        try:
            lib.sts_revision_bytes(byref(buf), self._p, byref(opts), ErrorPtr())
            return string_at(buf.data, buf.len) if buf.data else b""
        finally:
            lib.sts_buf_dispose(byref(buf))

    def revision_object(self, revision_number, kube_version=None, mode=None,
                        collision_count=None):
        """The ControllerRevision the controller creates for this set (a new
        object); @revision_number is its sequence number (1 for the first)."""
        if isinstance(revision_number, bool) or not isinstance(revision_number, int):
            raise TypeError("revision_number must be an integer")
        if not INT64_MIN <= revision_number <= INT64_MAX:
            raise ValueError("revision_number is out of range for a 64-bit integer")
        opts = revision_opts(kube_version, mode, collision_count)
        out = ObjectPtr()
        lib.sts_revision_object(out, self._p, revision_number, byref(opts), ErrorPtr())
        return self._own(out)
