"""Kubernetes objects: thin Python views over sts_object.

Memory: objects loaded together share one C list (documents split from a
`kind: List` even share one arena). Every Python object keeps a reference to
that shared owner, so an object stays valid for as long as you hold it, even
after the list ``load()`` returned is gone. ``close()`` (or leaving a
``with`` block) releases the object's share at once; the C memory is freed
when the last object of a load is closed or garbage-collected.

Threads: as in C, objects from one ``load()`` count as one object: read them
from several threads at once, but change them only under your own lock.
"""

import collections
import os
import re
import weakref
from ctypes import byref, c_int, c_int32, c_int64, c_size_t, c_void_p, string_at

from . import _errors
from ._errors import ENOTFOUND
from ._lib import (DECODE_ALLOW_DUPLICATE_KEYS, DECODE_KEEP_LISTS, DECODE_NO_SOURCE_TEXT,
                   ENCODE_AS_LIST, ENCODE_COMPACT, ENCODE_EXPLICIT_START, ENCODE_KUBECTL,
                   ENCODE_ORIGINAL, Buf, DecodeOpts, DocPtr, EncodeOpts, ErrorPtr, NodePtr,
                   ObjectListPtr, ObjectPtr, lib)
from ._api import DefaultingMixin, ValidationMixin
from ._dns import DnsMixin
from ._identity import IdentityMixin
from ._nodes import check_int32, decode_str, encode_str, from_python, to_python
from ._registry import Registry, default_registry
from ._revision import RevisionMixin

# sts_kind values (include/statefulset/model.h)
KIND_OTHER = 0
KIND_STATEFULSET = 1
KIND_SERVICE = 2
KIND_POD = 3
KIND_PERSISTENT_VOLUME_CLAIM = 4
KIND_CONTROLLER_REVISION = 5

_STYLES = {"original": ENCODE_ORIGINAL, "kubectl": ENCODE_KUBECTL}

PvcRetention = collections.namedtuple("PvcRetention", "when_deleted when_scaled")
PvcRetention.__doc__ = "spec.persistentVolumeClaimRetentionPolicy (None for an absent field)"


class _Owner:
    """One C allocation (an object list or a lone object) shared by Python objects."""

    __slots__ = ("_finalizer", "_users", "__weakref__")

    def __init__(self, ptr, free):
        # The finalizer holds the pointer, never self: it runs when the last
        # Python object lets go of this owner, or at interpreter exit.
        self._finalizer = weakref.finalize(self, free, ptr)
        self._users = 0

    def acquire(self):
        self._users += 1

    def release(self):
        self._users -= 1
        if self._users <= 0:
            self._finalizer()


def _registry(registry):
    if registry is None:
        return default_registry()
    if not isinstance(registry, Registry):
        raise TypeError("registry must be a statefulset.Registry")
    return registry


def _encode_opts(style, indent, flags):
    try:
        s = _STYLES[style]
    except KeyError:
        raise ValueError("style must be one of %s, not %r" % (", ".join(_STYLES), style)) from None
    opts = EncodeOpts()
    lib.sts_encode_opts_init(byref(opts))
    opts.style = s
    opts.flags = flags
    if indent is not None:
        if not isinstance(indent, int) or isinstance(indent, bool) or not 0 < indent < 2 ** 32:
            raise ValueError("indent must be a positive integer")
        opts.indent = indent
    return opts


def _buf_text(call):
    """Run call(buf) and return what the library wrote as str."""
    buf = Buf()
    try:
        call(buf)
        return string_at(buf.data, buf.len).decode("utf-8", "surrogateescape") if buf.data else ""
    finally:
        lib.sts_buf_dispose(byref(buf))


def _format_name(fmt):
    return None if fmt is None else encode_str(fmt)


# ---- field descriptors -----------------------------------------------------------

def _str_field(getter, setter=None, path=None, doc=None):
    def fget(self):
        return self._get_str(getattr(lib, getter))

    fset = None
    if setter is not None:
        def fset(self, value):
            if value is None:
                self._discard(path)
            elif not isinstance(value, str):
                raise _errors.FieldTypeError("expected a string, got %s" % type(value).__name__,
                                             code=_errors.ETYPE, name="STS_ETYPE", path=path)
            else:
                getattr(lib, setter)(self._p, encode_str(value), ErrorPtr())
    return property(fget, fset, doc=doc)


def _int_field(getter, setter=None, path=None, ctype=c_int32, doc=None):
    def fget(self):
        out = ctype()
        if getattr(lib, getter)(out, self._p, ErrorPtr()) == ENOTFOUND:
            return None
        return out.value

    fset = None
    if setter is not None:
        def fset(self, value):
            if value is None:
                self._discard(path)
            else:
                getattr(lib, setter)(self._p, check_int32(value, path), ErrorPtr())
    return property(fget, fset, doc=doc)


def _node_field(getter, doc=None):
    def fget(self):
        out = NodePtr()
        if getattr(lib, getter)(out, self._p, ErrorPtr()) == ENOTFOUND:
            return None
        return to_python(out)
    return property(fget, doc=doc)


# ---- objects -------------------------------------------------------------------------

class Object(DefaultingMixin):
    """Any Kubernetes object; kinds the library types get a subclass.

    Values read through properties, ``get()`` and ``to_dict()`` are copies:
    change the object with the setters, ``set()`` and ``remove()``, which
    change only the field concerned, so unknown fields and key order
    survive ``to_yaml()`` / ``to_json()``.
    """

    _KIND = KIND_OTHER

    def __init__(self, *args, **kwargs):
        raise TypeError("%s objects come from statefulset.load(), load_file(), from_dict() "
                        "or %s.new()" % (type(self).__name__, type(self).__name__))

    @classmethod
    def _wrap(cls, ptr, owner):
        self = object.__new__(cls)
        self._ptr = ptr
        self._owner = owner
        owner.acquire()
        return self

    @classmethod
    def _own(cls, ptr):
        """Wrap an sts_object the caller owns alone (from new, clone, take_doc)."""
        owner = _Owner(ptr, lib.sts_object_free)
        return _class_for(lib.sts_object_kind(ptr))._wrap(ptr, owner)

    @staticmethod
    def _own_list(lst):
        """Wrap every object of an sts_object_list the caller owns alone; the
        list is freed when the last of them is closed or collected."""
        owner = _Owner(lst, lib.sts_object_list_free)
        result = []
        for i in range(lib.sts_object_list_count(lst)):
            ptr = lib.sts_object_list_at(lst, i)
            result.append(_class_for(lib.sts_object_kind(ptr))._wrap(ptr, owner))
        if not result:
            owner.release()  # nobody will: free the empty list now
        return result

    # -- life cycle --

    @property
    def _p(self):
        if self._owner is None:
            raise ValueError("operation on a closed %s" % type(self).__name__)
        return self._ptr

    @property
    def closed(self):
        return self._owner is None

    def close(self):
        """Release this object (idempotent). Other objects of the same load stay valid."""
        owner, self._owner = self._owner, None
        if owner is not None:
            self._ptr = None
            owner.release()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        if self.closed:
            return "<statefulset.%s (closed)>" % type(self).__name__
        ns = self.namespace
        return "<statefulset.%s %s%s>" % (type(self).__name__, self.name or "(unnamed)",
                                          " namespace=%s" % ns if ns else "")

    # copy.copy/deepcopy give an independent clone (source text kept); pickling
    # goes through to_dict()/from_dict().
    def __copy__(self):
        return self.clone()

    def __deepcopy__(self, memo):
        return self.clone()

    def __reduce__(self):
        return (from_dict, (self.to_dict(),))

    # -- helpers for getters --

    def _get_str(self, fn, *args):
        out, n = c_void_p(), c_size_t()
        if fn(out, n, self._p, *args, ErrorPtr()) == ENOTFOUND:
            return None
        return decode_str(out.value, n.value)

    def _discard(self, path):
        """Remove a field if present (a setter given None)."""
        lib.sts_object_remove(self._p, encode_str(path), ErrorPtr())

    # -- identity --

    @property
    def kind(self):
        """The ``kind`` string ("" when absent)."""
        return self._cstr(lib.sts_object_kind_string)

    @property
    def api_version(self):
        return self._cstr(lib.sts_object_api_version)

    def _cstr(self, fn):
        s = fn(self._p)
        return s.decode("utf-8", "surrogateescape") if s else ""

    @property
    def name(self):
        """``metadata.name``, None when absent."""
        return self._cstr(lib.sts_object_name) or None

    @name.setter
    def name(self, value):
        self.set("metadata.name", value)

    @property
    def namespace(self):
        """``metadata.namespace``, None when absent."""
        return self._cstr(lib.sts_object_namespace) or None

    @namespace.setter
    def namespace(self, value):
        if value is None:
            self._discard("metadata.namespace")
        else:
            self.set("metadata.namespace", value)

    @property
    def labels(self):
        """``metadata.labels`` as a new dict ({} when absent); assign a dict to replace."""
        return self.get("metadata.labels") or {}

    @labels.setter
    def labels(self, value):
        self.set("metadata.labels", dict(value))

    @property
    def annotations(self):
        """``metadata.annotations`` as a new dict ({} when absent); assign a dict to replace."""
        return self.get("metadata.annotations") or {}

    @annotations.setter
    def annotations(self, value):
        self.set("metadata.annotations", dict(value))

    def get_label(self, key, default=None):
        value = self._get_str(lib.sts_object_get_label, encode_str(key))
        return default if value is None else value

    def set_label(self, key, value):
        lib.sts_object_set_label(self._p, encode_str(key), encode_str(value), ErrorPtr())

    def get_annotation(self, key, default=None):
        value = self._get_str(lib.sts_object_get_annotation, encode_str(key))
        return default if value is None else value

    def set_annotation(self, key, value):
        lib.sts_object_set_annotation(self._p, encode_str(key), encode_str(value), ErrorPtr())

    # -- generic access by field path --

    def _node(self, path):
        out = NodePtr()
        if lib.sts_object_get(out, self._p, encode_str(path), ErrorPtr()) == ENOTFOUND:
            return None
        return out

    def get(self, path, default=None):
        """The value at a field path (``spec.template.spec.containers[0].image``,
        ``metadata.labels["app.kubernetes.io/name"]``) as plain Python, or
        @default when absent. Raises FieldTypeError when a step crosses a
        scalar and InvalidArgumentError for a malformed path."""
        node = self._node(path)
        return default if node is None else to_python(node)

    def has(self, path):
        """True when a field is present (also when its value is null)."""
        return self._node(path) is not None

    def position(self, path):
        """(line, column) where a field's value was read, None when absent or unknown."""
        node = self._node(path)
        if node is None or not lib.sts_node_line(node):
            return None
        return lib.sts_node_line(node), lib.sts_node_column(node)

    def set(self, path, value):
        """Set the field at @path to a copy of @value (str, int, float, bool,
        None, dict, list), creating missing maps on the way. An existing
        key keeps its place."""
        p = self._p
        cpath = encode_str(path)
        if isinstance(value, str):
            data = encode_str(value)
            lib.sts_object_set_string(p, cpath, data, len(data), ErrorPtr())
        elif isinstance(value, bool):
            lib.sts_object_set_bool(p, cpath, int(value), ErrorPtr())
        elif isinstance(value, int) and -(2 ** 63) <= value < 2 ** 63:
            lib.sts_object_set_int(p, cpath, value, ErrorPtr())
        else:
            node = from_python(lib.sts_object_doc(p), value, path)
            lib.sts_node_set_at(lib.sts_object_root(p), cpath, len(cpath), node, ErrorPtr())

    def remove(self, path):
        """Remove the field at @path; NotFoundError (a KeyError) when absent."""
        if lib.sts_object_remove(self._p, encode_str(path), ErrorPtr()) == ENOTFOUND:
            raise _errors.NotFoundError("no field %s" % path, code=ENOTFOUND,
                                        name="STS_ENOTFOUND", path=path)

    def check(self):
        """Type-check every field the library knows; raises with every error in ``.errors``."""
        lib.sts_object_check(self._p, ErrorPtr())

    def clone(self):
        """An independent deep copy."""
        out = ObjectPtr()
        lib.sts_object_clone(out, self._p, ErrorPtr())
        return Object._own(out)

    # -- output --

    def to_dict(self):
        """The whole object as plain dicts, lists and scalars with the API's
        camelCase keys, in document order: the same shape as the official
        client's ``ApiClient().sanitize_for_serialization(model)``."""
        return to_python(lib.sts_object_root(self._p))

    def dump(self, format="yaml", *, style="original", indent=None, flags=0, registry=None):
        """Encode with any registered format (see Registry.formats)."""
        reg = _registry(registry)
        opts = _encode_opts(style, indent, flags)
        p = self._p
        return _buf_text(lambda buf: lib.sts_object_dump(
            buf, reg._p, _format_name(format), p, opts, ErrorPtr()))

    def to_yaml(self, *, style="original", indent=None, explicit_start=False, registry=None):
        """YAML text. style "original" keeps key order and the source's scalar
        spelling; "kubectl" prints as ``kubectl get -o yaml`` (sorted keys)."""
        return self.dump("yaml", style=style, indent=indent,
                         flags=ENCODE_EXPLICIT_START if explicit_start else 0, registry=registry)

    def to_json(self, *, style="original", indent=None, compact=False, registry=None):
        """JSON text (see to_yaml for style); compact=True leaves out all whitespace."""
        return self.dump("json", style=style, indent=indent,
                         flags=ENCODE_COMPACT if compact else 0, registry=registry)


class StatefulSet(IdentityMixin, DnsMixin, RevisionMixin, ValidationMixin, Object):
    """apps/v1 StatefulSet. Absent fields read as None (``replicas`` absent is
    None, ``replicas: 0`` is 0); assigning None removes the field.

    Identity (ordinals, pod_names, pods, pod_fqdn, claim_names, is_member,
    render_pod, render_claims, check_names), DNS (dns_records), revisions
    (revision, revision_hash, revision_bytes, revision_object) and
    validation (validate, assert_valid; defaulted() is on every Object) come
    from the mixins in _identity, _dns, _revision and _api."""

    _KIND = KIND_STATEFULSET

    replicas = _int_field("sts_statefulset_get_replicas", "sts_statefulset_set_replicas",
                          "spec.replicas", doc="spec.replicas")
    service_name = _str_field("sts_statefulset_get_service_name",
                              "sts_statefulset_set_service_name", "spec.serviceName",
                              doc="spec.serviceName")
    pod_management_policy = _str_field(
        "sts_statefulset_get_pod_management_policy", "sts_statefulset_set_pod_management_policy",
        "spec.podManagementPolicy", doc="spec.podManagementPolicy")
    update_strategy_type = _str_field(
        "sts_statefulset_get_update_strategy_type", "sts_statefulset_set_update_strategy_type",
        "spec.updateStrategy.type", doc="spec.updateStrategy.type")
    partition = _int_field("sts_statefulset_get_partition", "sts_statefulset_set_partition",
                           "spec.updateStrategy.rollingUpdate.partition",
                           doc="spec.updateStrategy.rollingUpdate.partition")
    revision_history_limit = _int_field(
        "sts_statefulset_get_revision_history_limit", "sts_statefulset_set_revision_history_limit",
        "spec.revisionHistoryLimit", doc="spec.revisionHistoryLimit")
    min_ready_seconds = _int_field(
        "sts_statefulset_get_min_ready_seconds", "sts_statefulset_set_min_ready_seconds",
        "spec.minReadySeconds", doc="spec.minReadySeconds")
    ordinals_start = _int_field(
        "sts_statefulset_get_ordinals_start", "sts_statefulset_set_ordinals_start",
        "spec.ordinals.start", doc="spec.ordinals.start")
    pvc_when_deleted = _str_field(
        "sts_statefulset_get_pvc_when_deleted", "sts_statefulset_set_pvc_when_deleted",
        "spec.persistentVolumeClaimRetentionPolicy.whenDeleted",
        doc="spec.persistentVolumeClaimRetentionPolicy.whenDeleted")
    pvc_when_scaled = _str_field(
        "sts_statefulset_get_pvc_when_scaled", "sts_statefulset_set_pvc_when_scaled",
        "spec.persistentVolumeClaimRetentionPolicy.whenScaled",
        doc="spec.persistentVolumeClaimRetentionPolicy.whenScaled")
    selector = _node_field("sts_statefulset_get_selector", doc="spec.selector (a copy)")
    template = _node_field("sts_statefulset_get_template", doc="spec.template (a copy)")

    # status
    status_replicas = _int_field("sts_statefulset_get_status_replicas", doc="status.replicas")
    ready_replicas = _int_field("sts_statefulset_get_ready_replicas", doc="status.readyReplicas")
    current_replicas = _int_field("sts_statefulset_get_current_replicas",
                                  doc="status.currentReplicas")
    updated_replicas = _int_field("sts_statefulset_get_updated_replicas",
                                  doc="status.updatedReplicas")
    available_replicas = _int_field("sts_statefulset_get_available_replicas",
                                    doc="status.availableReplicas")
    observed_generation = _int_field("sts_statefulset_get_observed_generation", ctype=c_int64,
                                     doc="status.observedGeneration")
    collision_count = _int_field("sts_statefulset_get_collision_count",
                                 doc="status.collisionCount")
    current_revision = _str_field("sts_statefulset_get_current_revision",
                                  doc="status.currentRevision")
    update_revision = _str_field("sts_statefulset_get_update_revision",
                                 doc="status.updateRevision")

    _MAX_UNAVAILABLE = "spec.updateStrategy.rollingUpdate.maxUnavailable"
    _PERCENT = re.compile(r"([0-9]+)%\Z")

    @classmethod
    def new(cls, name):
        return _new(cls, name)

    @property
    def max_unavailable(self):
        """spec.updateStrategy.rollingUpdate.maxUnavailable: an int, a "N%"
        string, or None when absent."""
        value, is_percent = c_int32(), c_int()
        rc = lib.sts_statefulset_get_max_unavailable(value, is_percent, self._p, ErrorPtr())
        if rc == ENOTFOUND:
            return None
        return "%d%%" % value.value if is_percent.value else value.value

    @max_unavailable.setter
    def max_unavailable(self, value):
        if value is None:
            self._discard(self._MAX_UNAVAILABLE)
            return
        percent = 0
        if isinstance(value, str):
            m = self._PERCENT.match(value)
            if not m:
                raise _errors.FieldTypeError(
                    'maxUnavailable must be an integer or a percentage "N%%", not %r' % value,
                    code=_errors.ETYPE, name="STS_ETYPE", path=self._MAX_UNAVAILABLE)
            value, percent = int(m.group(1)), 1
        lib.sts_statefulset_set_max_unavailable(
            self._p, check_int32(value, self._MAX_UNAVAILABLE), percent, ErrorPtr())

    @property
    def pvc_retention(self):
        """spec.persistentVolumeClaimRetentionPolicy as PvcRetention(when_deleted, when_scaled)."""
        return PvcRetention(self.pvc_when_deleted, self.pvc_when_scaled)

    @pvc_retention.setter
    def pvc_retention(self, value):
        when_deleted, when_scaled = value
        self.pvc_when_deleted = when_deleted
        self.pvc_when_scaled = when_scaled

    @property
    def volume_claim_templates(self):
        """spec.volumeClaimTemplates as a list of dicts (copies; [] when absent)."""
        p = self._p
        return [to_python(lib.sts_statefulset_claim_template_at(p, i))
                for i in range(lib.sts_statefulset_claim_template_count(p))]


class Service(Object):
    """v1 Service."""

    _KIND = KIND_SERVICE

    cluster_ip = _str_field("sts_service_get_cluster_ip", doc="spec.clusterIP")
    selector = _node_field("sts_service_get_selector", doc="spec.selector (a copy)")

    @classmethod
    def new(cls, name):
        return _new(cls, name)

    @property
    def is_headless(self):
        """True when spec.clusterIP is "None"."""
        return lib.sts_service_is_headless(self._p) == 1

    @property
    def publish_not_ready_addresses(self):
        """spec.publishNotReadyAddresses (None when absent)."""
        out = c_int()
        rc = lib.sts_service_get_publish_not_ready_addresses(out, self._p, ErrorPtr())
        return None if rc == ENOTFOUND else bool(out.value)

    @property
    def ports(self):
        """spec.ports as a list of dicts (copies)."""
        p = self._p
        return [to_python(lib.sts_service_port_at(p, i))
                for i in range(lib.sts_service_port_count(p))]


class Pod(Object):
    """v1 Pod."""

    _KIND = KIND_POD

    phase = _str_field("sts_pod_get_phase", doc="status.phase")
    hostname = _str_field("sts_pod_get_hostname", doc="spec.hostname")
    subdomain = _str_field("sts_pod_get_subdomain", doc="spec.subdomain")
    deletion_timestamp = _str_field("sts_pod_get_deletion_timestamp",
                                    doc="metadata.deletionTimestamp (RFC 3339 text)")

    @classmethod
    def new(cls, name):
        return _new(cls, name)

    @property
    def ready(self):
        """True when the Ready condition has status "True"."""
        return lib.sts_pod_is_ready(self._p) == 1


class PersistentVolumeClaim(Object):
    """v1 PersistentVolumeClaim (generic access only for now)."""

    _KIND = KIND_PERSISTENT_VOLUME_CLAIM

    @classmethod
    def new(cls, name):
        return _new(cls, name)


class ControllerRevision(Object):
    """apps/v1 ControllerRevision (generic access only for now)."""

    _KIND = KIND_CONTROLLER_REVISION

    @classmethod
    def new(cls, name):
        return _new(cls, name)


_CLASSES = {c._KIND: c for c in (StatefulSet, Service, Pod, PersistentVolumeClaim,
                                 ControllerRevision)}


def _class_for(kind):
    return _CLASSES.get(kind, Object)


def _new(cls, name):
    data = encode_str(name)
    out = ObjectPtr()
    lib.sts_object_new(out, cls._KIND, data, len(data), ErrorPtr())
    return Object._own(out)


# ---- loading and dumping -------------------------------------------------------------

def _decode_opts(source, keep_lists, allow_duplicate_keys, keep_source_text, limits):
    opts = DecodeOpts()
    lib.sts_decode_opts_init(byref(opts))
    if source is not None:
        opts.source_name = encode_str(os.fspath(source))
    opts.flags = ((DECODE_KEEP_LISTS if keep_lists else 0)
                  | (DECODE_ALLOW_DUPLICATE_KEYS if allow_duplicate_keys else 0)
                  | (0 if keep_source_text else DECODE_NO_SOURCE_TEXT))
    for field, value in limits.items():
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ValueError("%s must be a positive integer" % field)
            setattr(opts, field, value)
    return opts


_LIMITS = ("max_depth", "max_input_size", "max_scalar_size", "max_alias_expansion",
           "max_nodes", "max_documents")


def load(data, format=None, *, source=None, registry=None, keep_lists=False,
         allow_duplicate_keys=False, keep_source_text=True, **limits):
    """Decode YAML or JSON (str or bytes) into a list of objects.

    format: "yaml", "json", any registered plugin, or None to guess from the
    content. Multi-document streams give one object per document; `kind:
    List` documents give one object per item unless keep_lists=True. Every
    object is type-checked as it loads. source names the input in errors.
    Limits (max_depth, max_input_size, max_scalar_size, max_alias_expansion,
    max_nodes, max_documents) override the library's defaults.
    """
    unknown = set(limits) - set(_LIMITS)
    if unknown:
        raise TypeError("load() got unexpected keyword argument(s): %s"
                        % ", ".join(sorted(unknown)))
    if isinstance(data, str):
        data = encode_str(data)
    elif not isinstance(data, bytes):
        data = bytes(data)
    reg = _registry(registry)
    opts = _decode_opts(source, keep_lists, allow_duplicate_keys, keep_source_text, limits)
    lst = ObjectListPtr()
    lib.sts_object_list_new(lst)
    try:
        lib.sts_load(lst, reg._p, _format_name(format), data, len(data), byref(opts), ErrorPtr())
    except BaseException:
        lib.sts_object_list_free(lst)
        raise
    return Object._own_list(lst)


def load_file(path, format=None, **kwargs):
    """load() the contents of a file; the format is guessed from the file name
    extension, then from the content. Errors name the file."""
    with open(path, "rb") as f:
        data = f.read()
    kwargs.setdefault("source", os.fspath(path))
    return load(data, format, **kwargs)


def from_dict(value):
    """Build an object from plain Python data (e.g. the output of the official
    client's ``ApiClient().sanitize_for_serialization``), type-checked like load()."""
    if not isinstance(value, dict):
        raise _errors.FieldTypeError("a Kubernetes object must be a dict, not %s"
                                     % type(value).__name__, code=_errors.ETYPE,
                                     name="STS_ETYPE")
    doc = DocPtr()
    lib.sts_doc_new(doc)
    try:
        lib.sts_doc_set_root(doc, from_python(doc, value))
    except BaseException:
        lib.sts_doc_free(doc)
        raise
    out = ObjectPtr()
    lib.sts_object_take_doc(out, doc, ErrorPtr())  # takes the doc, also on failure
    obj = Object._own(out)
    try:
        obj.check()
    except BaseException:
        obj.close()
        raise
    return obj


def dump(objects, format="yaml", *, style="original", indent=None, as_list=False,
         explicit_start=False, compact=False, registry=None):
    """Encode several objects as one stream (YAML documents separated by
    ``---``), or as one `kind: List` with as_list=True."""
    objects = list(objects)
    for o in objects:
        if not isinstance(o, Object):
            raise TypeError("dump() takes statefulset objects, not %s" % type(o).__name__)
    reg = _registry(registry)
    flags = ((ENCODE_AS_LIST if as_list else 0) | (ENCODE_EXPLICIT_START if explicit_start else 0)
             | (ENCODE_COMPACT if compact else 0))
    opts = _encode_opts(style, indent, flags)
    roots = (NodePtr * len(objects))(*[lib.sts_object_root(o._p) for o in objects])
    return _buf_text(lambda buf: lib.sts_encode(buf, reg._p, _format_name(format), roots,
                                                len(objects), opts, ErrorPtr()))


def dump_file(objects, path, format=None, **kwargs):
    """dump() into a file; format defaults to the file name extension."""
    if format is None:
        ext = os.path.splitext(os.fspath(path))[1].lstrip(".")
        format = ext or "yaml"
    text = dump(objects, format, **kwargs)
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(text)
