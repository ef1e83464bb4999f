"""Serializer registries: the formats (yaml, json, plugins) load and dump use."""

import os
import threading
import weakref

from ._lib import ErrorPtr, RegistryPtr, lib
from ._nodes import encode_str

REGISTRY_EMPTY = 1 << 0


class Registry:
    """A set of serializers. ``Registry()`` holds the built-in yaml and json.

    A registry may be shared between threads for loading and dumping once no
    more plugins are being added (as in C). Close it with ``close()`` or a
    ``with`` block; otherwise it is freed when garbage-collected. Objects do
    not depend on the registry that loaded them.
    """

    def __init__(self, empty=False):
        ptr = RegistryPtr()
        lib.sts_registry_new(ptr, REGISTRY_EMPTY if empty else 0, ErrorPtr())
        self._ptr = ptr
        self._finalizer = weakref.finalize(self, lib.sts_registry_free, ptr)

    @property
    def _p(self):
        if not self._finalizer.alive:
            raise ValueError("operation on a closed Registry")
        return self._ptr

    def close(self):
        self._finalizer()

    @property
    def closed(self):
        return not self._finalizer.alive

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def load_plugin(self, path):
        """Load a serializer plugin from a shared object."""
        lib.sts_registry_load_plugin(self._p, encode_str(os.fspath(path)), ErrorPtr())

    @property
    def formats(self):
        """Names of the registered serializers, in registration order."""
        p = self._p
        names = []
        for i in range(lib.sts_registry_count(p)):
            ser = lib.sts_registry_at(p, i)
            if ser:
                names.append(ser.contents.name.decode("utf-8", "surrogateescape"))
        return names

    def __repr__(self):
        if self.closed:
            return "<statefulset.Registry (closed)>"
        return "<statefulset.Registry %s>" % ",".join(self.formats)


_default = None
_default_lock = threading.Lock()


def default_registry():
    """The module's shared registry with the built-in formats (created on first use)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Registry()
    return _default
