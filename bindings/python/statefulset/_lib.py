"""Loading libstatefulset and declaring its prototypes.

Every C function the binding calls is declared once, in PROTOTYPES below,
with its argument types, result type and errcheck. Negative status codes
become exceptions there, so the rest of the package never looks at a status
code except STS_ENOTFOUND from getters (an absent field, not an error).
"""

import ctypes
import os
import sys
from ctypes import (POINTER, Structure, c_char, c_char_p, c_double, c_int, c_int32, c_int64,
                    c_size_t, c_uint32, c_uint64, c_void_p)

from . import _errors
from ._errors import ENOTFOUND, EUNSUPPORTED, EVERSION

ABI_MAJOR = 0
if sys.platform == "darwin":
    SONAME = "libstatefulset.%d.dylib" % ABI_MAJOR
elif sys.platform == "win32":
    SONAME = "statefulset-%d.dll" % ABI_MAJOR
else:
    SONAME = "libstatefulset.so.%d" % ABI_MAJOR


# ---- distinct handle types ---------------------------------------------------

class _Handle(c_void_p):
    """An opaque C pointer of one particular type.

    from_param refuses handles of other types, so passing a node where an
    object is expected is a Python TypeError instead of a crash.
    """

    @classmethod
    def from_param(cls, value):
        if value is None or isinstance(value, cls):
            return value
        raise TypeError("expected %s, got %s" % (cls.__name__, type(value).__name__))

    def __bool__(self):
        return self.value is not None


class RegistryPtr(_Handle):
    """sts_registry *"""


class DocPtr(_Handle):
    """sts_doc *"""


class NodePtr(_Handle):
    """sts_node *"""


class ObjectPtr(_Handle):
    """sts_object *"""


class ObjectListPtr(_Handle):
    """sts_object_list *"""


class ErrorPtr(_Handle):
    """sts_error *"""


class DnsRecordsPtr(_Handle):
    """sts_dns_records *"""


class ImpactPtr(_Handle):
    """sts_impact *"""


class UpgradePtr(_Handle):
    """sts_upgrade *"""


# ---- public structs ------------------------------------------------------------

class Buf(Structure):
    """sts_buf: data is library memory, released with sts_buf_dispose."""
    _fields_ = [("data", c_void_p), ("len", c_size_t), ("cap", c_size_t)]


class Serializer(Structure):
    """sts_serializer (read only here: the binding lists formats, it registers none)."""
    _fields_ = [("version", c_uint32), ("flags", c_uint32), ("name", c_char_p),
                ("media_type", c_char_p), ("extensions", c_char_p), ("userdata", c_void_p),
                ("decode", c_void_p), ("encode", c_void_p), ("destroy", c_void_p)]


class DecodeOpts(Structure):
    _fields_ = [("sz", c_size_t), ("source_name", c_char_p), ("flags", c_uint32),
                ("max_depth", c_uint32), ("max_input_size", c_uint64),
                ("max_scalar_size", c_uint64), ("max_alias_expansion", c_uint64),
                ("max_nodes", c_uint64), ("max_documents", c_uint32)]


class EncodeOpts(Structure):
    _fields_ = [("sz", c_size_t), ("style", c_uint32), ("flags", c_uint32),
                ("indent", c_uint32)]


DECODE_ALLOW_DUPLICATE_KEYS = 1 << 0
DECODE_KEEP_LISTS = 1 << 1
DECODE_NO_SOURCE_TEXT = 1 << 2
class IdentityOpts(Structure):
    """sts_identity_opts (identity.h); NULL fields mean "from the object"."""
    _fields_ = [("sz", c_size_t), ("ns", c_char_p), ("cluster_domain", c_char_p),
                ("revision", c_char_p), ("uid", c_char_p)]


class DnsOpts(Structure):
    """sts_dns_opts (dns.h); ttl 0 means the library's default."""
    _fields_ = [("sz", c_size_t), ("cluster_domain", c_char_p), ("ttl", c_uint32),
                ("flags", c_uint32)]


class RevisionOpts(Structure):
    """sts_revision_opts (revision.h)."""
    _fields_ = [("sz", c_size_t), ("kubernetes_version", c_char_p), ("mode", c_uint32),
                ("flags", c_uint32), ("collision_count", c_int32)]


REVISION_MODES = {"auto": 0, "live": 1, "authored": 2}   # sts_revision_mode
REVISION_USE_COLLISION_COUNT = 1 << 0


class ApiOpts(Structure):
    """sts_api_opts (api.h); NULL kube_version = the newest release known."""
    _fields_ = [("sz", c_size_t), ("kube_version", c_char_p), ("feature_gates", c_char_p),
                ("flags", c_uint32)]


API_NO_DEFAULTING = 1 << 0


class LintOpts(Structure):
    """sts_lint_opts (api.h)."""
    _fields_ = [("sz", c_size_t), ("api", POINTER(ApiOpts)), ("disable", c_char_p),
                ("flags", c_uint32)]


class ImpactOpts(Structure):
    """sts_impact_opts (impact.h)."""
    _fields_ = [("sz", c_size_t), ("api", POINTER(ApiOpts)), ("objects", ObjectListPtr),
                ("from_version", c_char_p), ("flags", c_uint32)]

ENCODE_ORIGINAL = 0
ENCODE_KUBECTL = 1
ENCODE_COMPACT = 1 << 0
ENCODE_AS_LIST = 1 << 1
ENCODE_EXPLICIT_START = 1 << 2

NODE_NULL, NODE_BOOL, NODE_INT, NODE_FLOAT, NODE_STRING, NODE_MAP, NODE_SEQ = range(7)


# ---- errors ------------------------------------------------------------------------

def _text(ptr):
    return ptr.decode("utf-8", "surrogateescape") if ptr else ""


def exception_from_chain(code, errp):
    """Build the exception for status @code from an sts_error chain (may be NULL).

    The chain is copied into Python objects and left for the caller to free.
    """
    chain = []
    e = ErrorPtr(errp.value) if errp else None
    while e:
        ecode = lib.sts_error_code(e)
        line, column = lib.sts_error_line(e), lib.sts_error_column(e)
        offset = lib.sts_error_offset(e)
        buf = Buf()
        try:
            text = format_error(buf, e)
        finally:
            lib.sts_buf_dispose(ctypes.byref(buf))
        chain.append(_errors.error_class(ecode)(
            _text(lib.sts_error_message(e)), code=ecode, name=_text(lib.sts_status_name(ecode)),
            path=_text(lib.sts_error_path(e)), source=_text(lib.sts_error_source(e)),
            line=line or None, column=column or None,
            offset=None if offset == 2 ** 64 - 1 else offset, text=text))
        e = lib.sts_error_next(e)
    if not chain:
        message = _text(lib.sts_strerror(code))
        chain.append(_errors.error_class(code)(message, code=code,
                                               name=_text(lib.sts_status_name(code))))
    for exc in chain:
        exc.errors = chain
    return chain[0]


def format_error(buf, e):
    if lib.sts_error_format(ctypes.byref(buf), e) != 0 or not buf.data:
        return None
    return ctypes.string_at(buf.data, buf.len).decode("utf-8", "surrogateescape")


def _raise(code, errp):
    try:
        exc = exception_from_chain(code, errp)
    finally:
        if errp:
            lib.sts_error_free(errp)
            errp.value = None
    raise exc


def _chain_checker(result, func, args):
    """errcheck for functions returning a count of problems they put in the
    sts_error** of their first argument (validation errors, lint findings):
    a negative status raises from that chain (the failure), a count is
    returned and the chain left for the caller to read and free."""
    if result >= 0:
        return result
    errp = args[0]
    try:
        exc = exception_from_chain(result, errp)
    finally:
        lib.sts_error_free(errp)
        errp.value = None
    # The cause is appended after any problems found before the failure:
    # raise the error that carries the returned code.
    for cause in exc.errors:
        if cause.code == result:
            cause.errors = [cause] + [e for e in exc.errors if e is not cause]
            raise cause
    raise exc


def _checker(has_err, absent_ok):
    """errcheck: negative status -> exception; STS_ENOTFOUND passes when absent_ok."""
    def check(result, func, args):
        errp = args[-1] if has_err else None
        if result >= 0 or (absent_ok and result == ENOTFOUND):
            if errp:  # a not-found getter may still have described itself
                lib.sts_error_free(errp)
                errp.value = None
            return result
        _raise(result, errp)
    return check


# ---- the prototype table ----------------------------------------------------------
# (name, restype, argtypes, errcheck). errcheck: None = cannot fail,
# "err" = status return with sts_error** last, "err?" = same but STS_ENOTFOUND
# is returned (absent field), "rc" = status return without sts_error**,
# "chain" = a count of problems put in the sts_error** of the first argument.

P = POINTER
_str_out = [P(c_void_p), P(c_size_t)]      # const char **out, size_t *len
_ERR = P(ErrorPtr)

PROTOTYPES = [
    # common.h
    ("sts_strerror", c_char_p, [c_int], None),
    ("sts_status_name", c_char_p, [c_int], None),
    ("sts_free", None, [c_void_p], None),
    ("sts_version_string", c_char_p, [], None),
    ("sts_version_number", c_uint32, [], None),
    # buf.h
    ("sts_buf_dispose", None, [P(Buf)], None),
    # error.h
    ("sts_error_code", c_int, [ErrorPtr], None),
    ("sts_error_message", c_char_p, [ErrorPtr], None),
    ("sts_error_path", c_char_p, [ErrorPtr], None),
    ("sts_error_source", c_char_p, [ErrorPtr], None),
    ("sts_error_line", c_uint32, [ErrorPtr], None),
    ("sts_error_column", c_uint32, [ErrorPtr], None),
    ("sts_error_offset", c_uint64, [ErrorPtr], None),
    ("sts_error_next", ErrorPtr, [ErrorPtr], None),
    ("sts_error_count", c_size_t, [ErrorPtr], None),
    ("sts_error_free", None, [ErrorPtr], None),
    ("sts_error_format", c_int, [P(Buf), ErrorPtr], None),
    # doc.h: reading
    ("sts_doc_new", c_int, [P(DocPtr)], "rc"),
    ("sts_doc_free", None, [DocPtr], None),
    ("sts_doc_root", NodePtr, [DocPtr], None),
    ("sts_doc_set_root", c_int, [DocPtr, NodePtr], "rc"),
    ("sts_node_get_type", c_int, [NodePtr], None),
    ("sts_node_line", c_uint32, [NodePtr], None),
    ("sts_node_column", c_uint32, [NodePtr], None),
    ("sts_node_get_bool", c_int, [P(c_int), NodePtr], "rc"),
    ("sts_node_get_int", c_int, [P(c_int64), NodePtr], "rc"),
    ("sts_node_get_float", c_int, [P(c_double), NodePtr], "rc"),
    ("sts_node_get_string", c_int, _str_out + [NodePtr], "rc"),
    ("sts_node_count", c_size_t, [NodePtr], None),
    ("sts_node_map_key_at", NodePtr, [NodePtr, c_size_t], None),
    ("sts_node_map_value_at", NodePtr, [NodePtr, c_size_t], None),
    ("sts_node_seq_at", NodePtr, [NodePtr, c_size_t], None),
    ("sts_node_equal", c_int, [NodePtr, NodePtr], None),
    # doc.h: building
    ("sts_doc_new_null", c_int, [P(NodePtr), DocPtr], "rc"),
    ("sts_doc_new_bool", c_int, [P(NodePtr), DocPtr, c_int], "rc"),
    ("sts_doc_new_int", c_int, [P(NodePtr), DocPtr, c_int64], "rc"),
    ("sts_doc_new_float", c_int, [P(NodePtr), DocPtr, c_double], "rc"),
    ("sts_doc_new_string", c_int, [P(NodePtr), DocPtr, c_char_p, c_size_t], "rc"),
    ("sts_doc_new_map", c_int, [P(NodePtr), DocPtr], "rc"),
    ("sts_doc_new_seq", c_int, [P(NodePtr), DocPtr], "rc"),
    ("sts_node_map_append", c_int, [NodePtr, NodePtr, NodePtr], "rc"),
    ("sts_node_seq_append", c_int, [NodePtr, NodePtr], "rc"),
    ("sts_node_set_at", c_int, [NodePtr, c_char_p, c_size_t, NodePtr, _ERR], "err"),
    # serial.h
    ("sts_registry_new", c_int, [P(RegistryPtr), c_uint32, _ERR], "err"),
    ("sts_registry_free", None, [RegistryPtr], None),
    ("sts_registry_load_plugin", c_int, [RegistryPtr, c_char_p, _ERR], "err"),
    ("sts_registry_count", c_size_t, [RegistryPtr], None),
    ("sts_registry_at", P(Serializer), [RegistryPtr, c_size_t], None),
    ("sts_decode_opts_init", None, [P(DecodeOpts)], None),
    ("sts_encode_opts_init", None, [P(EncodeOpts)], None),
    ("sts_encode", c_int, [P(Buf), RegistryPtr, c_char_p, P(NodePtr), c_size_t,
                           P(EncodeOpts), _ERR], "err"),
    # model.h: objects
    ("sts_object_take_doc", c_int, [P(ObjectPtr), DocPtr, _ERR], "err"),
    ("sts_object_new", c_int, [P(ObjectPtr), c_int, c_char_p, c_size_t, _ERR], "err"),
    ("sts_object_clone", c_int, [P(ObjectPtr), ObjectPtr, _ERR], "err"),
    ("sts_object_free", None, [ObjectPtr], None),
    ("sts_object_kind", c_int, [ObjectPtr], None),
    ("sts_kind_name", c_char_p, [c_int], None),
    ("sts_object_kind_string", c_char_p, [ObjectPtr], None),
    ("sts_object_api_version", c_char_p, [ObjectPtr], None),
    ("sts_object_name", c_char_p, [ObjectPtr], None),
    ("sts_object_namespace", c_char_p, [ObjectPtr], None),
    ("sts_object_doc", DocPtr, [ObjectPtr], None),
    ("sts_object_root", NodePtr, [ObjectPtr], None),
    ("sts_object_check", c_int, [ObjectPtr, _ERR], "err"),
    ("sts_object_get", c_int, [P(NodePtr), ObjectPtr, c_char_p, _ERR], "err?"),
    ("sts_object_set_string", c_int, [ObjectPtr, c_char_p, c_char_p, c_size_t, _ERR], "err"),
    ("sts_object_set_int", c_int, [ObjectPtr, c_char_p, c_int64, _ERR], "err"),
    ("sts_object_set_bool", c_int, [ObjectPtr, c_char_p, c_int, _ERR], "err"),
    ("sts_object_remove", c_int, [ObjectPtr, c_char_p, _ERR], "err?"),
    ("sts_object_get_label", c_int, _str_out + [ObjectPtr, c_char_p, _ERR], "err?"),
    ("sts_object_set_label", c_int, [ObjectPtr, c_char_p, c_char_p, _ERR], "err"),
    ("sts_object_get_annotation", c_int, _str_out + [ObjectPtr, c_char_p, _ERR], "err?"),
    ("sts_object_set_annotation", c_int, [ObjectPtr, c_char_p, c_char_p, _ERR], "err"),
    # model.h: lists and loading
    ("sts_object_list_new", c_int, [P(ObjectListPtr)], "rc"),
    ("sts_object_list_free", None, [ObjectListPtr], None),
    ("sts_object_list_count", c_size_t, [ObjectListPtr], None),
    ("sts_object_list_at", ObjectPtr, [ObjectListPtr, c_size_t], None),
    ("sts_load", c_int, [P(ObjectListPtr), RegistryPtr, c_char_p, c_char_p, c_size_t,
                         P(DecodeOpts), _ERR], "err"),
    ("sts_object_dump", c_int, [P(Buf), RegistryPtr, c_char_p, ObjectPtr, P(EncodeOpts),
                                _ERR], "err"),
    # model.h: Service and Pod
    ("sts_service_get_cluster_ip", c_int, _str_out + [ObjectPtr, _ERR], "err?"),
    ("sts_service_is_headless", c_int, [ObjectPtr], None),
    ("sts_service_get_publish_not_ready_addresses", c_int, [P(c_int), ObjectPtr, _ERR], "err?"),
    ("sts_service_get_selector", c_int, [P(NodePtr), ObjectPtr, _ERR], "err?"),
    ("sts_service_port_count", c_size_t, [ObjectPtr], None),
    ("sts_service_port_at", NodePtr, [ObjectPtr, c_size_t], None),
    ("sts_pod_get_phase", c_int, _str_out + [ObjectPtr, _ERR], "err?"),
    ("sts_pod_get_hostname", c_int, _str_out + [ObjectPtr, _ERR], "err?"),
    ("sts_pod_get_subdomain", c_int, _str_out + [ObjectPtr, _ERR], "err?"),
    ("sts_pod_get_deletion_timestamp", c_int, _str_out + [ObjectPtr, _ERR], "err?"),
    ("sts_pod_is_ready", c_int, [ObjectPtr], None),
    # model.h: StatefulSet
    ("sts_statefulset_get_max_unavailable", c_int, [P(c_int32), P(c_int), ObjectPtr, _ERR],
     "err?"),
    ("sts_statefulset_set_max_unavailable", c_int, [ObjectPtr, c_int32, c_int, _ERR], "err"),
    ("sts_statefulset_get_selector", c_int, [P(NodePtr), ObjectPtr, _ERR], "err?"),
    ("sts_statefulset_get_template", c_int, [P(NodePtr), ObjectPtr, _ERR], "err?"),
    ("sts_statefulset_claim_template_count", c_size_t, [ObjectPtr], None),
    ("sts_statefulset_claim_template_at", NodePtr, [ObjectPtr, c_size_t], None),
    ("sts_object_list_take", c_int, [ObjectListPtr, ObjectPtr], "rc"),
    # identity.h. Names use snprintf semantics: the result is the full length
    # (call with NULL, 0 first), "rc?" lets STS_ENOTFOUND through (no FQDN
    # without a serviceName).
    ("sts_pod_name_parse", c_int, [P(c_size_t), P(c_int32), c_char_p, c_size_t], "rc"),
    ("sts_identity_opts_init", None, [P(IdentityOpts)], None),
    ("sts_statefulset_ordinals", c_int, [P(c_int32), P(c_int32), ObjectPtr, _ERR], "err"),
    ("sts_statefulset_effective_namespace", c_char_p, [ObjectPtr, P(IdentityOpts)], None),
    ("sts_statefulset_pod_name", c_int, [P(c_char), c_size_t, ObjectPtr, c_int32], "rc"),
    ("sts_statefulset_pod_fqdn", c_int, [P(c_char), c_size_t, ObjectPtr, c_int32,
                                         P(IdentityOpts)], "rc?"),
    ("sts_statefulset_claim_count", c_size_t, [ObjectPtr], None),
    ("sts_statefulset_claim_name", c_int, [P(c_char), c_size_t, ObjectPtr, c_size_t, c_int32],
     "rc"),
    ("sts_statefulset_is_member", c_int, [ObjectPtr, ObjectPtr], None),
    ("sts_statefulset_render_pod", c_int, [P(ObjectPtr), ObjectPtr, c_int32, P(IdentityOpts),
                                           _ERR], "err"),
    ("sts_statefulset_render_claims", c_int, [P(ObjectListPtr), ObjectPtr, c_int32,
                                              P(IdentityOpts), _ERR], "err"),
    # problems go to the first argument and are not an error: the wrapper frees them
    ("sts_statefulset_check_names", c_int, [_ERR, ObjectPtr, P(IdentityOpts)], "rc"),
    ("sts_check_claim_collisions", c_int, [_ERR, ObjectListPtr], "rc"),
    # dns.h
    ("sts_dns_opts_init", None, [P(DnsOpts)], None),
    ("sts_dns_compute", c_int, [P(DnsRecordsPtr), ObjectPtr, ObjectListPtr, ObjectPtr,
                                P(DnsOpts), _ERR], "err"),
    ("sts_dns_records_free", None, [DnsRecordsPtr], None),
    ("sts_dns_records_count", c_size_t, [DnsRecordsPtr], None),
    ("sts_dns_record_name", c_char_p, [DnsRecordsPtr, c_size_t], None),
    ("sts_dns_record_type", c_int, [DnsRecordsPtr, c_size_t], None),
    ("sts_dns_type_name", c_char_p, [c_int], None),
    ("sts_dns_record_ttl", c_uint32, [DnsRecordsPtr, c_size_t], None),
    ("sts_dns_record_data", c_char_p, [DnsRecordsPtr, c_size_t], None),
    ("sts_dns_record_pod", c_char_p, [DnsRecordsPtr, c_size_t], None),
    ("sts_dns_service_fqdn", c_char_p, [DnsRecordsPtr], None),
    ("sts_dns_records_problems", ErrorPtr, [DnsRecordsPtr], None),
    ("sts_dns_records_zone", c_int, [P(Buf), DnsRecordsPtr, _ERR], "err"),
    # revision.h
    ("sts_revision_opts_init", None, [P(RevisionOpts)], None),
    ("sts_fnv1_32", c_uint32, [c_char_p, c_size_t], None),
    ("sts_revision_bytes", c_int, [P(Buf), ObjectPtr, P(RevisionOpts), _ERR], "err"),
    ("sts_revision_hash", c_int, [P(c_char), c_size_t, ObjectPtr, P(RevisionOpts), _ERR], "err"),
    ("sts_revision_name", c_int, [P(c_char), c_size_t, ObjectPtr, P(RevisionOpts), _ERR], "err"),
    ("sts_revision_object", c_int, [P(ObjectPtr), ObjectPtr, c_int64, P(RevisionOpts), _ERR],
     "err"),
    ("sts_revision_equal", c_int, [ObjectPtr, ObjectPtr, _ERR], "err"),
    # error.h: field errors and lint findings
    ("sts_error_field_type", c_int, [ErrorPtr], None),
    ("sts_field_error_type_name", c_char_p, [c_int], None),
    ("sts_error_bad_value", c_char_p, [ErrorPtr], None),
    ("sts_error_detail", c_char_p, [ErrorPtr], None),
    ("sts_error_rule", c_char_p, [ErrorPtr], None),
    ("sts_error_severity", c_int, [ErrorPtr], None),
    ("sts_severity_name", c_char_p, [c_int], None),
    ("sts_error_hint", c_char_p, [ErrorPtr], None),
    # api.h
    ("sts_api_opts_init", None, [P(ApiOpts)], None),
    ("sts_kube_version_default", c_char_p, [], None),
    ("sts_kube_version_parse", c_int, [P(c_uint32), c_char_p, _ERR], "err"),
    ("sts_feature_gate_enabled", c_int, [P(ApiOpts), c_char_p, _ERR], "err"),
    ("sts_object_defaulted", c_int, [P(ObjectPtr), ObjectPtr, P(ApiOpts), _ERR], "err"),
    ("sts_quantity_canonical", c_int, [P(c_char), c_size_t, c_char_p, _ERR], "err"),
    ("sts_statefulset_validate", c_int, [P(ErrorPtr), ObjectPtr, ObjectPtr, P(ApiOpts)],
     "chain"),
    ("sts_statefulset_validate_status", c_int, [P(ErrorPtr), ObjectPtr, ObjectPtr, P(ApiOpts)],
     "chain"),
    ("sts_validation_format", c_int, [P(Buf), ObjectPtr, ErrorPtr], "rc"),
    ("sts_lint_opts_init", None, [P(LintOpts)], None),
    ("sts_lint", c_int, [P(ErrorPtr), ObjectListPtr, P(LintOpts)], "chain"),
    ("sts_lint_rule_count", c_size_t, [], None),
    ("sts_lint_rule_id", c_char_p, [c_size_t], None),
    ("sts_lint_rule_summary", c_char_p, [c_size_t], None),
    ("sts_lint_rule_severity", c_int, [c_size_t], None),
    # impact.h: results are immutable; every string is borrowed from them
    ("sts_impact_opts_init", None, [P(ImpactOpts)], None),
    ("sts_statefulset_diff", c_int, [P(ImpactPtr), ObjectPtr, ObjectPtr, P(ImpactOpts), _ERR],
     "err"),
    ("sts_impact_free", None, [ImpactPtr], None),
    ("sts_impact_name", c_char_p, [ImpactPtr], None),
    ("sts_impact_namespace", c_char_p, [ImpactPtr], None),
    ("sts_impact_kube_version", c_char_p, [ImpactPtr], None),
    ("sts_impact_is_allowed", c_int, [ImpactPtr], None),
    ("sts_impact_errors", ErrorPtr, [ImpactPtr], None),
    ("sts_impact_workaround", c_char_p, [ImpactPtr], None),
    ("sts_impact_template_changed", c_int, [ImpactPtr], None),
    ("sts_impact_has_new_revision", c_int, [ImpactPtr], None),
    ("sts_impact_old_revision", c_char_p, [ImpactPtr], None),
    ("sts_impact_new_revision", c_char_p, [ImpactPtr], None),
    ("sts_impact_rollback_target", c_char_p, [ImpactPtr], None),
    ("sts_impact_change_count", c_size_t, [ImpactPtr], None),
    ("sts_impact_change_path", c_char_p, [ImpactPtr, c_size_t], None),
    ("sts_impact_change_effect", c_int, [ImpactPtr, c_size_t], None),
    ("sts_impact_change_rolls_pods", c_int, [ImpactPtr, c_size_t], None),
    ("sts_impact_change_old_value", c_char_p, [ImpactPtr, c_size_t], None),
    ("sts_impact_change_new_value", c_char_p, [ImpactPtr, c_size_t], None),
    ("sts_impact_change_explanation", c_char_p, [ImpactPtr, c_size_t], None),
    ("sts_impact_pod_count", c_size_t, [ImpactPtr, c_int], None),
    ("sts_impact_pod_name", c_char_p, [ImpactPtr, c_int, c_size_t], None),
    ("sts_impact_pod_ordinal", c_int32, [ImpactPtr, c_int, c_size_t], None),
    ("sts_impact_pod_batch", c_uint32, [ImpactPtr, c_int, c_size_t], None),
    ("sts_impact_pod_from_revision", c_char_p, [ImpactPtr, c_int, c_size_t], None),
    ("sts_impact_pod_to_revision", c_char_p, [ImpactPtr, c_int, c_size_t], None),
    ("sts_impact_pod_reason", c_char_p, [ImpactPtr, c_int, c_size_t], None),
    ("sts_impact_batch_count", c_uint32, [ImpactPtr], None),
    ("sts_impact_completes", c_int, [ImpactPtr], None),
    ("sts_impact_completes_reason", c_char_p, [ImpactPtr], None),
    ("sts_impact_format", c_int, [P(Buf), ImpactPtr], "rc"),
    ("sts_impact_to_doc", c_int, [P(DocPtr), ImpactPtr, _ERR], "err"),
    ("sts_upgrade_check", c_int, [P(UpgradePtr), ObjectListPtr, P(ImpactOpts), _ERR], "err"),
    ("sts_upgrade_free", None, [UpgradePtr], None),
    ("sts_upgrade_from_version", c_char_p, [UpgradePtr], None),
    ("sts_upgrade_to_version", c_char_p, [UpgradePtr], None),
    ("sts_upgrade_semantic_comparison", c_int, [UpgradePtr], None),
    ("sts_upgrade_count", c_size_t, [UpgradePtr], None),
    ("sts_upgrade_affected_count", c_size_t, [UpgradePtr], None),
    ("sts_upgrade_name", c_char_p, [UpgradePtr, c_size_t], None),
    ("sts_upgrade_namespace", c_char_p, [UpgradePtr, c_size_t], None),
    ("sts_upgrade_current_revision", c_char_p, [UpgradePtr, c_size_t], None),
    ("sts_upgrade_target_revision", c_char_p, [UpgradePtr, c_size_t], None),
    ("sts_upgrade_revision_changes", c_int, [UpgradePtr, c_size_t], None),
    ("sts_upgrade_gate_prevents", c_int, [UpgradePtr, c_size_t], None),
    ("sts_upgrade_rolls_pods", c_int, [UpgradePtr, c_size_t], None),
    ("sts_upgrade_reason", c_char_p, [UpgradePtr, c_size_t], None),
    ("sts_upgrade_impact_at", ImpactPtr, [UpgradePtr, c_size_t], None),
    ("sts_upgrade_format", c_int, [P(Buf), UpgradePtr], "rc"),
    ("sts_upgrade_to_doc", c_int, [P(DocPtr), UpgradePtr, _ERR], "err"),
]

# The StatefulSet's typed int32 / string fields follow one pattern each:
# sts_statefulset_get_<f>(out, sts, err) / sts_statefulset_set_<f>(sts, value, err).
STATEFULSET_INT32 = ("replicas", "partition", "revision_history_limit", "min_ready_seconds",
                     "ordinals_start")
STATEFULSET_INT32_STATUS = ("status_replicas", "ready_replicas", "current_replicas",
                            "updated_replicas", "available_replicas", "collision_count")
STATEFULSET_STRING = ("service_name", "pod_management_policy", "update_strategy_type",
                      "pvc_when_deleted", "pvc_when_scaled")
STATEFULSET_STRING_STATUS = ("current_revision", "update_revision")

for _f in STATEFULSET_INT32:
    PROTOTYPES += [
        ("sts_statefulset_get_" + _f, c_int, [P(c_int32), ObjectPtr, _ERR], "err?"),
        ("sts_statefulset_set_" + _f, c_int, [ObjectPtr, c_int32, _ERR], "err")]
for _f in STATEFULSET_INT32_STATUS:
    PROTOTYPES.append(("sts_statefulset_get_" + _f, c_int, [P(c_int32), ObjectPtr, _ERR], "err?"))
PROTOTYPES.append(("sts_statefulset_get_observed_generation", c_int,
                   [P(c_int64), ObjectPtr, _ERR], "err?"))
for _f in STATEFULSET_STRING:
    PROTOTYPES += [
        ("sts_statefulset_get_" + _f, c_int, _str_out + [ObjectPtr, _ERR], "err?"),
        ("sts_statefulset_set_" + _f, c_int, [ObjectPtr, c_char_p, _ERR], "err")]
for _f in STATEFULSET_STRING_STATUS:
    PROTOTYPES.append(("sts_statefulset_get_" + _f, c_int, _str_out + [ObjectPtr, _ERR], "err?"))
del _f


# ---- loading ------------------------------------------------------------------------

def _candidates():
    """Where to look for the library, in order (see README)."""
    explicit = os.environ.get("STS_LIBRARY")
    if explicit:
        return [explicit]  # an explicit choice must not silently fall back
    found = []
    build_root = os.environ.get("STS_BUILD_ROOT")
    if build_root:
        found.append(os.path.join(build_root, "lib", SONAME))
    # Running from a source checkout: bindings/python/statefulset/ -> top of the tree.
    top = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, os.pardir))
    if os.path.exists(os.path.join(top, "include", "statefulset", "statefulset.h")):
        found.append(os.path.join(top, "build", "lib", SONAME))
    found = [p for p in found if os.path.exists(p)]
    found.append(SONAME)  # the system's, by exact SONAME
    return found


def _missing(name, path):
    def missing(*args, **kwargs):
        raise _errors.UnsupportedError(
            "%s is not provided by %s (older libstatefulset?)" % (name, path),
            code=EUNSUPPORTED, name="STS_EUNSUPPORTED")
    missing.__name__ = name
    return missing


class _Lib:
    """The loaded library with every prototype of PROTOTYPES declared."""

    def __init__(self):
        errors = []
        self._cdll = None
        for cand in _candidates():
            try:
                self._cdll = ctypes.CDLL(cand)
                self.path = cand
                break
            except OSError as exc:
                errors.append(str(exc))
        if self._cdll is None:
            raise ImportError("cannot load libstatefulset (set STS_LIBRARY to its full path): "
                              + "; ".join(errors))
        self.missing = []
        for name, restype, argtypes, check in PROTOTYPES:
            try:
                fn = getattr(self._cdll, name)
            except AttributeError:
                # A function added in a later minor release: the binding still
                # imports, and calling it says what is missing.
                self.missing.append(name)
                setattr(self, name, _missing(name, self.path))
                continue
            fn.restype = restype
            fn.argtypes = argtypes
            if check == "chain":
                fn.errcheck = _chain_checker
            elif check is not None:
                fn.errcheck = _checker(has_err=check.startswith("err"), absent_ok=check.endswith("?"))
            setattr(self, name, fn)
        number = self.sts_version_number()
        if number // 10000 != ABI_MAJOR:
            raise ImportError("%s is libstatefulset %s; this binding needs major version %d"
                              % (self.path, _text(self.sts_version_string()), ABI_MAJOR))


lib = _Lib()
