"""Python binding of libstatefulset: Kubernetes StatefulSets as the API server reads them.

    >>> import statefulset
    >>> svc, sts = statefulset.load_file("web.yaml")
    >>> sts.replicas, sts.service_name, svc.is_headless
    (3, 'nginx', True)
    >>> sts.replicas = 5
    >>> print(sts.to_yaml())          # unknown fields and key order kept
    >>> sts.pod_names(), sts.pod_fqdn(0)
    (['web-0', ...], 'web-0.nginx.default.svc.cluster.local')
    >>> sts.revision(kube_version="1.34")   # what status.updateRevision will show
    >>> sts.validate()                       # [] or FieldErrors, as the API server says
    >>> statefulset.lint([svc, sts])         # Findings no validator reports
    >>> print(statefulset.diff(sts, changed))   # what kubectl apply would do to the pods

The shared library is found through $STS_LIBRARY (its full path), else a
build tree ($STS_BUILD_ROOT/lib, or build/ of the source checkout this
package sits in), else the system by its SONAME libstatefulset.so.0.
Errors are statefulset.Error subclasses carrying code, message, path, line
and column.
"""

from ._errors import (EEXISTS, EINVAL, EIO, ELIMIT, ENOMEM, ENOTFOUND, EPARSE, ERANGE, ETYPE,
                      EUNSUPPORTED, EVALIDATION, EVERSION, AlreadyExistsError, Error,
                      FieldTypeError, InputOutputError, InvalidArgumentError, LimitError,
                      NotFoundError, OutOfMemoryError, ParseError, Problem, RangeError,
                      UnsupportedError, ValidationError, VersionError)
from ._api import (KUBE_VERSION_DEFAULT, FieldError, Finding, LintRule, feature_gate_enabled,
                   kube_version_minor, lint, lint_rules, quantity)
from ._dns import DnsRecord, DnsRecords
from ._impact import Change, Impact, PodChange, UpgradeReport, UpgradeSet, diff, upgrade_check
from ._identity import PodIdentity, check_claim_collisions, parse_pod_name
from ._lib import lib as _library
from ._objects import (ControllerRevision, Object, PersistentVolumeClaim, Pod, PvcRetention,
                       Service, StatefulSet, dump, dump_file, from_dict, load, load_file)
from ._registry import Registry, default_registry
from ._revision import fnv1_32, revision_equal

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
    "parse_pod_name", "check_claim_collisions", "PodIdentity", "Problem", "DnsRecord",
    "DnsRecords", "revision_equal", "fnv1_32",
    "KUBE_VERSION_DEFAULT", "kube_version_minor", "feature_gate_enabled", "quantity", "lint",
    "lint_rules", "FieldError", "Finding", "LintRule",
    "diff", "upgrade_check", "Impact", "Change", "PodChange", "UpgradeReport", "UpgradeSet",
    "Error", "OutOfMemoryError", "InvalidArgumentError", "ParseError", "FieldTypeError",
    "ValidationError", "NotFoundError", "UnsupportedError", "LimitError", "RangeError",
    "VersionError", "InputOutputError", "AlreadyExistsError",
    "ENOMEM", "EINVAL", "EPARSE", "ETYPE", "EVALIDATION", "ENOTFOUND", "EUNSUPPORTED",
    "ELIMIT", "ERANGE", "EVERSION", "EIO", "EEXISTS",
]
