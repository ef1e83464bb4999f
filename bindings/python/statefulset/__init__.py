"""Python binding of libstatefulset: Kubernetes StatefulSets as the API server reads them.

    >>> import statefulset
    >>> svc, sts = statefulset.load_file("web.yaml")
    >>> sts.replicas, sts.service_name, svc.is_headless
    (3, 'nginx', True)
    >>> sts.replicas = 5
    >>> print(sts.to_yaml())          # unknown fields and key order kept

The shared library is found through $STS_LIBRARY (its full path), else a
build tree ($STS_BUILD_ROOT/lib, or build/ of the source checkout this
package sits in), else the system by its SONAME libstatefulset.so.0.
Errors are statefulset.Error subclasses carrying code, message, path, line
and column.
"""

from ._errors import (EEXISTS, EINVAL, EIO, ELIMIT, ENOMEM, ENOTFOUND, EPARSE, ERANGE, ETYPE,
                      EUNSUPPORTED, EVALIDATION, EVERSION, AlreadyExistsError, Error,
                      FieldTypeError, InputOutputError, InvalidArgumentError, LimitError,
                      NotFoundError, OutOfMemoryError, ParseError, RangeError, UnsupportedError,
                      ValidationError, VersionError)
from ._lib import lib as _library
from ._objects import (ControllerRevision, Object, PersistentVolumeClaim, Pod, PvcRetention,
                       Service, StatefulSet, dump, dump_file, from_dict, load, load_file)
from ._registry import Registry, default_registry

__version__ = "0.1.0"

#: Full path (or SONAME) of the loaded libstatefulset.
library_path = _library.path


def library_version():
    """The loaded library's version string, e.g. "0.1.0"."""
    return _library.sts_version_string().decode()


__all__ = [
    "load", "load_file", "from_dict", "dump", "dump_file",
    "Object", "StatefulSet", "Service", "Pod", "PersistentVolumeClaim", "ControllerRevision",
    "PvcRetention", "Registry", "default_registry", "library_path", "library_version",
    "Error", "OutOfMemoryError", "InvalidArgumentError", "ParseError", "FieldTypeError",
    "ValidationError", "NotFoundError", "UnsupportedError", "LimitError", "RangeError",
    "VersionError", "InputOutputError", "AlreadyExistsError",
    "ENOMEM", "EINVAL", "EPARSE", "ETYPE", "EVALIDATION", "ENOTFOUND", "EUNSUPPORTED",
    "ELIMIT", "ERANGE", "EVERSION", "EIO", "EEXISTS",
]
