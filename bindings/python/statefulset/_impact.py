"""Rollout impact (impact.h): what an update of a StatefulSet does before it
is applied, and which sets a Kubernetes upgrade would roll.

The library decides everything; the C result is copied at once into frozen
dataclasses and freed, so results outlive the objects they came from.
"""

import copy
import dataclasses
import json
from ctypes import byref, pointer, string_at
from typing import Any, Dict, Optional, Tuple

from ._api import FieldError, api_opts, field_errors
from ._calls import check_object, object_list, optional_str, text
from ._lib import Buf, DocPtr, ErrorPtr, ImpactOpts, ImpactPtr, UpgradePtr, lib
from ._nodes import to_python

# sts_impact_effect values and the names the library's document uses
EFFECTS = {0: "none", 1: "rolls-pods", 2: "scales", 3: "shifts-ordinals",
           4: "rollout-control", 5: "forbidden"}
# sts_impact_pod_group values
POD_GROUPS = (("replaced", 1), ("kept", 2), ("created", 3), ("deleted", 4), ("untouched", 5))

@dataclasses.dataclass(frozen=True)
class Change:
    """One changed field: path (``spec.template.spec.containers[0].image``),
    effect ("none", "rolls-pods", "scales", "shifts-ordinals",
    "rollout-control", "forbidden"), rolls_pods, the old and new values as
    compact JSON text (None when the field is absent; ``old_value`` /
    ``new_value`` decode them) and what the change does, in sentences."""

    path: str
    effect: str
    rolls_pods: bool
    old_json: Optional[str]
    new_json: Optional[str]
    explanation: str

    @property
    def old_value(self):
        """The old value as Python data (None when absent)."""
        return None if self.old_json is None else json.loads(self.old_json)

    @property
    def new_value(self):
        """The new value as Python data (None when absent)."""
        return None if self.new_json is None else json.loads(self.new_json)


@dataclasses.dataclass(frozen=True)
class PodChange:
    """A pod in one group of an Impact: name, ordinal, batch (1-based for
    replaced pods: a batch is deleted together; 0 otherwise), the revision
    it runs before ("" for created pods) and after ("" for deleted pods),
    and why it is in its group."""

    name: str
    ordinal: int
    batch: int
    from_revision: str
    to_revision: str
    reason: str


@dataclasses.dataclass(frozen=True)
class Impact:
    """What an update does (statefulset.diff()).

    allowed: the API server accepts it; errors: FieldErrors refusing it;
    workaround: the usual way out of a refused update ("" when allowed).
    template_changed, has_new_revision (a new ControllerRevision is made),
    old_revision, new_revision, rollback_target (None unless the new
    template equals an earlier revision, which is reused). changes: the
    changed fields. Pods by group, each in the controller's order: replaced
    (highest ordinal first, in batch_count batches), kept (a revision other
    than the update revision stays), created, deleted, untouched. completes:
    whether currentRevision reaches updateRevision by itself, and why.
    str() is the library's text summary; to_dict() its document (also with
    the rollout settings: strategy, partition, maxUnavailable).
    """

    name: str
    namespace: str
    kube_version: str
    allowed: bool
    errors: Tuple[FieldError, ...]
    workaround: str
    template_changed: bool
    has_new_revision: bool
    old_revision: str
    new_revision: str
    rollback_target: Optional[str]
    changes: Tuple[Change, ...]
    replaced: Tuple[PodChange, ...]
    kept: Tuple[PodChange, ...]
    created: Tuple[PodChange, ...]
    deleted: Tuple[PodChange, ...]
    untouched: Tuple[PodChange, ...]
    batch_count: int
    completes: bool
    completes_reason: str
    text: str = dataclasses.field(repr=False, compare=False)
    _doc: Dict[str, Any] = dataclasses.field(repr=False, compare=False)

    def __str__(self):
        return self.text

    def to_dict(self):
        """The library's document of the result (``allowed``, ``errors``,
        ``revision``, ``changes``, ``rollout``, ``pods``), as
        ``stsctl diff -o json`` prints it."""
        return copy.deepcopy(self._doc)


@dataclasses.dataclass(frozen=True)
class UpgradeSet:
    """One StatefulSet in an UpgradeReport: its update revision now
    (current_revision), the name the target release computes
    (target_revision), whether that differs (revision_changes), whether the
    StatefulSetSemanticRevisionComparison gate keeps the current revision
    anyway (gate_prevents), whether pods are replaced (rolls_pods), why, and
    the full Impact."""

    name: str
    namespace: str
    current_revision: str
    target_revision: str
    revision_changes: bool
    gate_prevents: bool
    rolls_pods: bool
    reason: str
    impact: Impact


@dataclasses.dataclass(frozen=True)
class UpgradeReport:
    """What upgrading Kubernetes from from_version to to_version does to the
    StatefulSets given (statefulset.upgrade_check())."""

    from_version: str
    to_version: str
    semantic_comparison: bool
    sets: Tuple[UpgradeSet, ...]
    affected_count: int
    text: str = dataclasses.field(repr=False, compare=False)
    _doc: Dict[str, Any] = dataclasses.field(repr=False, compare=False)

    @property
    def affected(self):
        """The sets whose pods the upgrade would restart."""
        return [s for s in self.sets if s.rolls_pods]

    def __str__(self):
        return self.text

    def to_dict(self):
        """The library's document of the report."""
        return copy.deepcopy(self._doc)


# ---- copying results ---------------------------------------------------------------

def _render(fmt, ptr):
    buf = Buf()
    try:
        fmt(byref(buf), ptr)
        return string_at(buf.data, buf.len).decode("utf-8", "surrogateescape") if buf.data else ""
    finally:
        lib.sts_buf_dispose(byref(buf))


def _document(to_doc, ptr):
    doc = DocPtr()
    to_doc(doc, ptr, ErrorPtr())
    try:
        return to_python(lib.sts_doc_root(doc))
    finally:
        lib.sts_doc_free(doc)


def _json_or_none(ptr):
    return None if ptr is None else ptr.decode("utf-8", "surrogateescape")


def _pods(imp, group):
    return tuple(PodChange(text(lib.sts_impact_pod_name(imp, group, i)),
                           lib.sts_impact_pod_ordinal(imp, group, i),
                           lib.sts_impact_pod_batch(imp, group, i),
                           text(lib.sts_impact_pod_from_revision(imp, group, i)),
                           text(lib.sts_impact_pod_to_revision(imp, group, i)),
                           text(lib.sts_impact_pod_reason(imp, group, i)))
                 for i in range(lib.sts_impact_pod_count(imp, group)))


def _impact(imp):
    """Copy a (borrowed) sts_impact into an Impact."""
    changes = tuple(Change(text(lib.sts_impact_change_path(imp, i)),
                           EFFECTS.get(lib.sts_impact_change_effect(imp, i), "none"),
                           lib.sts_impact_change_rolls_pods(imp, i) == 1,
                           _json_or_none(lib.sts_impact_change_old_value(imp, i)),
                           _json_or_none(lib.sts_impact_change_new_value(imp, i)),
                           text(lib.sts_impact_change_explanation(imp, i)))
                    for i in range(lib.sts_impact_change_count(imp)))
    groups = {name: _pods(imp, value) for name, value in POD_GROUPS}
    return Impact(
        name=text(lib.sts_impact_name(imp)), namespace=text(lib.sts_impact_namespace(imp)),
        kube_version=text(lib.sts_impact_kube_version(imp)),
        allowed=lib.sts_impact_is_allowed(imp) == 1,
        errors=tuple(field_errors(lib.sts_impact_errors(imp))),
        workaround=text(lib.sts_impact_workaround(imp)),
        template_changed=lib.sts_impact_template_changed(imp) == 1,
        has_new_revision=lib.sts_impact_has_new_revision(imp) == 1,
        old_revision=text(lib.sts_impact_old_revision(imp)),
        new_revision=text(lib.sts_impact_new_revision(imp)),
        rollback_target=text(lib.sts_impact_rollback_target(imp)) or None,
        changes=changes, **groups,
        batch_count=lib.sts_impact_batch_count(imp),
        completes=lib.sts_impact_completes(imp) == 1,
        completes_reason=text(lib.sts_impact_completes_reason(imp)),
        text=_render(lib.sts_impact_format, imp),
        _doc=_document(lib.sts_impact_to_doc, imp))


def _upgrade(up):
    sets = tuple(UpgradeSet(text(lib.sts_upgrade_name(up, i)),
                            text(lib.sts_upgrade_namespace(up, i)),
                            text(lib.sts_upgrade_current_revision(up, i)),
                            text(lib.sts_upgrade_target_revision(up, i)),
                            lib.sts_upgrade_revision_changes(up, i) == 1,
                            lib.sts_upgrade_gate_prevents(up, i) == 1,
                            lib.sts_upgrade_rolls_pods(up, i) == 1,
                            text(lib.sts_upgrade_reason(up, i)),
                            _impact(lib.sts_upgrade_impact_at(up, i)))
                 for i in range(lib.sts_upgrade_count(up)))
    return UpgradeReport(text(lib.sts_upgrade_from_version(up)),
                         text(lib.sts_upgrade_to_version(up)),
                         lib.sts_upgrade_semantic_comparison(up) == 1, sets,
                         lib.sts_upgrade_affected_count(up),
                         text=_render(lib.sts_upgrade_format, up),
                         _doc=_document(lib.sts_upgrade_to_doc, up))


# ---- entry points --------------------------------------------------------------------

def _impact_opts(api, lst=None, from_version=None):
    opts = ImpactOpts()
    lib.sts_impact_opts_init(byref(opts))
    opts.api = pointer(api)  # the struct keeps the pointed-to ApiOpts alive
    opts.objects = lst
    opts.from_version = optional_str(from_version, "from_version")
    return opts


def diff(old, new, kube_version=None, feature_gates=None, objects=None):
    """What updating StatefulSet @old (the live object, or the manifest last
    applied; None for a create) to @new does on @kube_version, as an Impact.
    @objects: the set's Pods (their ``controller-revision-hash`` labels tell
    which revision each runs) and ControllerRevisions (rollbacks reuse
    them); without them the old object's status decides."""
    from ._objects import Object, StatefulSet
    check_object(new, StatefulSet, "new")
    if old is not None:
        check_object(old, StatefulSet, "old")
    api = api_opts(kube_version, feature_gates)
    # The objects are only borrowed for the call; the result is copied
    # before they go.
    with object_list(() if objects is None else objects, Object) as lst:
        out = ImpactPtr()
        try:
            lib.sts_statefulset_diff(out, old._p if old is not None else None, new._p,
                                     byref(_impact_opts(api, lst)), ErrorPtr())
            return _impact(out)
        finally:
            lib.sts_impact_free(out)


def upgrade_check(objects, from_version=None, to_version=None, feature_gates=None):
    """Which StatefulSets of @objects an upgrade of Kubernetes from
    @from_version to @to_version (None: the newest the library knows) would
    roll from template serialization or defaulting changes alone, as an
    UpgradeReport. ControllerRevisions among @objects that match the target
    are reused; @feature_gates apply to the target release."""
    from ._objects import Object
    api = api_opts(to_version, feature_gates)
    with object_list(objects, Object) as lst:
        out = UpgradePtr()
        try:
            lib.sts_upgrade_check(out, lst, byref(_impact_opts(api, None, from_version)),
                                  ErrorPtr())
            return _upgrade(out)
        finally:
            lib.sts_upgrade_free(out)
