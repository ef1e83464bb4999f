"""API-server behaviour (api.h): Kubernetes versions and feature gates,
defaulting, validation with the server's messages, resource quantities and
lint findings.

The rules, messages and their order are the C library's; this module builds
the option structs and copies error chains into Python records.
"""

import dataclasses
from ctypes import byref, c_uint32, pointer, string_at
from typing import Optional

from . import _errors
from ._calls import check_object, object_list, optional_str, sized_string, text
from ._lib import (API_NO_DEFAULTING, ApiOpts, Buf, ErrorPtr, LintOpts, ObjectPtr, lib)
from ._nodes import encode_str


#: The newest Kubernetes release the library follows ("1.35"): what
#: kube_version=None means everywhere.
KUBE_VERSION_DEFAULT = text(lib.sts_kube_version_default())


def _gates(feature_gates):
    """feature_gates as kube-apiserver's --feature-gates text: a str as is,
    or a mapping {"Gate": True} written as "Gate=true"."""
    if feature_gates is None or isinstance(feature_gates, str):
        return optional_str(feature_gates, "feature_gates")
    try:
        items = feature_gates.items()
    except AttributeError:
        raise TypeError("feature_gates must be a str or a mapping of gate names to bools, not %s"
                        % type(feature_gates).__name__) from None
    parts = []
    for gate, on in items:
        if not isinstance(gate, str) or not isinstance(on, bool):
            raise TypeError("feature_gates maps gate names (str) to bools")
        parts.append("%s=%s" % (gate, "true" if on else "false"))
    return encode_str(",".join(parts))


def api_opts(kube_version=None, feature_gates=None, apply_defaults=True):
    """sts_api_opts from keyword arguments (None = the library's default)."""
    opts = ApiOpts()
    lib.sts_api_opts_init(byref(opts))
    opts.kube_version = optional_str(kube_version, "kube_version")
    opts.feature_gates = _gates(feature_gates)
    if not apply_defaults:
        opts.flags |= API_NO_DEFAULTING
    return opts


def kube_version_minor(version):
    """The minor release of a supported Kubernetes version ("v1.34.2" -> 34);
    VersionError for one the library does not follow."""
    minor = c_uint32()
    lib.sts_kube_version_parse(minor, optional_str(version, "version"), ErrorPtr())
    return minor.value


def feature_gate_enabled(gate, kube_version=None, feature_gates=None):
    """Whether a feature gate is on in a release (its default, then the
    overrides in @feature_gates). NotFoundError for an unknown gate."""
    opts = api_opts(kube_version, feature_gates)
    return lib.sts_feature_gate_enabled(byref(opts), optional_str(gate, "gate"), ErrorPtr()) == 1


def quantity(value):
    """A resource quantity in Kubernetes' canonical form: ``"1024Mi"`` ->
    ``"1Gi"``, ``"0.5"`` -> ``"500m"``. Numbers are taken as their decimal
    text. InvalidArgumentError (with the API server's message) when malformed."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise TypeError("a quantity is a str or a number, not %s" % type(value).__name__)
    return sized_string(lib.sts_quantity_canonical, encode_str(str(value)), ErrorPtr())


# ---- records ---------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class FieldError:
    """One validation error as the API server reports it.

    type: "Required value", "Invalid value", "Unsupported value",
    "Forbidden", "Duplicate value", "Too long", "Not found", "Too many",
    "Internal error"; field: the path (``spec.replicas``); value: the bad
    value as the server prints it (``-1``, ``"abc.123"``,
    ``map[string]string{"a":"b"}``), None when the error shows none; detail:
    the explanation ("" when none); message: the whole line
    ``<field>: <type>[: <value>][: <detail>]``; line, column: where the field
    was read (None when unknown).
    """

    type: str
    field: str
    value: Optional[str]
    detail: str
    message: str
    line: Optional[int] = None
    column: Optional[int] = None

    def __str__(self):
        return self.message

    def to_dict(self):
        """``{"type", "field", "value", "detail", "message"}``."""
        return {"type": self.type, "field": self.field, "value": self.value,
                "detail": self.detail, "message": self.message}


@dataclasses.dataclass(frozen=True)
class Finding:
    """One lint finding: rule ID ("STS115"), severity ("info", "warning",
    "error"), message, hint (how to fix it, "" when none), path (the field
    concerned, "" when none), line, column (None when unknown), source (the
    file the object came from, "" when unknown)."""

    rule: str
    severity: str
    message: str
    hint: str
    path: str
    line: Optional[int] = None
    column: Optional[int] = None
    source: str = ""

    def __str__(self):
        return "%s %s: %s" % (self.rule, self.severity, self.message)

    def to_dict(self):
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class LintRule:
    """A lint rule: its stable ID, default severity and one-line summary."""

    id: str
    severity: str
    summary: str


def _position(e):
    return lib.sts_error_line(e) or None, lib.sts_error_column(e) or None


def _walk(chain):
    e = ErrorPtr(chain.value) if chain else None
    while e:
        yield e
        e = lib.sts_error_next(e)


def field_errors(chain):
    """Copy an sts_error chain of field errors (borrowed, may be NULL) into FieldErrors."""
    result = []
    for e in _walk(chain):
        value = text(lib.sts_error_bad_value(e))
        result.append(FieldError(text(lib.sts_field_error_type_name(lib.sts_error_field_type(e))),
                                 text(lib.sts_error_path(e)), value or None,
                                 text(lib.sts_error_detail(e)), text(lib.sts_error_message(e)),
                                 *_position(e)))
    return result


def findings(chain):
    """Copy an sts_error chain of lint findings (borrowed) into Findings."""
    return [Finding(text(lib.sts_error_rule(e)),
                    text(lib.sts_severity_name(lib.sts_error_severity(e))),
                    text(lib.sts_error_message(e)), text(lib.sts_error_hint(e)),
                    text(lib.sts_error_path(e)), *_position(e), text(lib.sts_error_source(e)))
            for e in _walk(chain)]


# ---- lint ------------------------------------------------------------------------

def _rule_ids(disable):
    if disable is None:
        return None
    if isinstance(disable, str):
        return encode_str(disable)
    ids = list(disable)
    for rule in ids:
        if not isinstance(rule, str):
            raise TypeError("disable takes rule IDs (str), not %s" % type(rule).__name__)
    return encode_str(",".join(ids))


def lint(objects, disable=None, kube_version=None, feature_gates=None):
    """Problems no validator reports, over every object of @objects together
    (a StatefulSet and its Service, ...), as a list of Finding in the
    library's order. @disable: rule IDs to skip, as a list or "STS112,STS116"."""
    from ._objects import Object
    api = api_opts(kube_version, feature_gates)
    opts = LintOpts()
    lib.sts_lint_opts_init(byref(opts))
    opts.api = pointer(api)
    opts.disable = _rule_ids(disable)
    with object_list(objects, Object) as lst:
        chain = ErrorPtr()
        try:
            lib.sts_lint(chain, lst, byref(opts))
            return findings(chain)
        finally:
            lib.sts_error_free(chain)


def lint_rules():
    """Every lint rule the library has, in ID order, as LintRule records."""
    return [LintRule(text(lib.sts_lint_rule_id(i)),
                     text(lib.sts_severity_name(lib.sts_lint_rule_severity(i))),
                     text(lib.sts_lint_rule_summary(i)))
            for i in range(lib.sts_lint_rule_count())]


# ---- methods -----------------------------------------------------------------------

class DefaultingMixin:
    """Object.defaulted(): the object as the API server would store it."""

    __slots__ = ()

    def defaulted(self, kube_version=None, feature_gates=None):
        """A new object of the same class with what the API server of
        @kube_version fills in before storing it (SetDefaults_StatefulSet,
        pod template and claim template defaults, canonical quantities), new
        fields last in their map; fields a disabled gate drops on create are
        removed. Kinds other than StatefulSet come back unchanged."""
        opts = api_opts(kube_version, feature_gates)
        out = ObjectPtr()
        lib.sts_object_defaulted(out, self._p, byref(opts), ErrorPtr())
        return self._own(out)


class ValidationMixin:
    """StatefulSet.validate() and assert_valid()."""

    __slots__ = ()

    def _validate(self, old, kube_version, feature_gates, status, apply_defaults):
        if old is not None:
            check_object(old, type(self), "old")
        opts = api_opts(kube_version, feature_gates, apply_defaults)
        fn = lib.sts_statefulset_validate_status if status else lib.sts_statefulset_validate
        chain = ErrorPtr()
        try:
            fn(chain, self._p, old._p if old is not None else None, byref(opts))
            errors = field_errors(chain)
            report = _kubectl_text(self, chain) if errors else None
        finally:
            lib.sts_error_free(chain)
        return errors, report

    def validate(self, old=None, kube_version=None, feature_gates=None, status=False, *,
                 apply_defaults=True):
        """The API server's validation errors as a list of FieldError, [] when
        valid: a create, or an update of @old (the stored object); with
        status=True a status update. The object is defaulted first as the
        server would, unless apply_defaults=False."""
        return self._validate(old, kube_version, feature_gates, status, apply_defaults)[0]

    def assert_valid(self, old=None, kube_version=None, feature_gates=None, status=False, *,
                     apply_defaults=True):
        """validate(), raising ValidationError when there are errors: str() is
        what kubectl prints for the 422, ``errors`` the FieldError list."""
        errors, report = self._validate(old, kube_version, feature_gates, status, apply_defaults)
        if errors:
            first = errors[0]
            exc = _errors.ValidationError(report, code=_errors.EVALIDATION,
                                          name="STS_EVALIDATION", path=first.field,
                                          line=first.line, column=first.column, text=report)
            exc.errors = errors
            exc._lists_all = True
            raise exc


def _kubectl_text(obj, chain):
    buf = Buf()
    try:
        lib.sts_validation_format(byref(buf), obj._p, chain)
        report = string_at(buf.data, buf.len).decode("utf-8", "surrogateescape") if buf.data else ""
    finally:
        lib.sts_buf_dispose(byref(buf))
    # kubectl ends the text with a newline; an exception message has none.
    return report[:-1] if report.endswith("\n") else report
