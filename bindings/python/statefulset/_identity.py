"""Ordinal identity (identity.h): pod and claim names, ordinals, the Pods and
PersistentVolumeClaims the controller creates, naming problems.

The names, ranges, rendering and checks are the C library's; this module
only calls it and turns the results into Python values.
"""

import dataclasses
from ctypes import byref, c_int32, c_size_t
from typing import Optional, Tuple

from ._calls import (check_object, collect_problems, identity_opts, object_list, sized_string,
                     text)
from ._lib import ErrorPtr, ObjectListPtr, ObjectPtr, lib
from ._nodes import check_int32, encode_str


def parse_pod_name(name):
    """Split a pod name into (parent, ordinal) exactly as the controller does:
    ``"web-007"`` gives ``("web", 7)``, ``"web-2147483648"`` gives
    ``("web", -1)``, a name without ``-<digits>`` gives ``("", -1)``."""
    if not isinstance(name, str):
        raise TypeError("name must be a string, not %s" % type(name).__name__)
    data = encode_str(name)
    parent_len, ordinal = c_size_t(), c_int32()
    lib.sts_pod_name_parse(parent_len, ordinal, data, len(data))
    # the parent is a prefix of the name's bytes
    return data[:parent_len.value].decode("utf-8", "surrogateescape"), ordinal.value


def check_claim_collisions(objects):
    """PVC names two StatefulSets of @objects (in one namespace) would share
    (template ``data`` + set ``x-y`` and template ``data-x`` + set ``y`` both
    give ``data-x-y-0``), as a list of Problem. Objects of other kinds are
    ignored."""
    from ._objects import Object
    with object_list(objects, Object) as lst:
        return collect_problems(lib.sts_check_claim_collisions, lst)


@dataclasses.dataclass(frozen=True)
class PodIdentity:
    """The identity the controller gives one replica. ``subdomain`` and
    ``fqdn`` are None when the set has no serviceName; ``claims`` are the
    PersistentVolumeClaim names in template order."""

    stateful_set: str
    namespace: str
    ordinal: int
    name: str
    hostname: str
    subdomain: Optional[str]
    fqdn: Optional[str]
    claims: Tuple[str, ...]

    def to_dict(self):
        """The record with the camelCase keys ``stsctl pods -o json`` uses."""
        return {"statefulSet": self.stateful_set, "namespace": self.namespace,
                "ordinal": self.ordinal, "name": self.name, "hostname": self.hostname,
                "subdomain": self.subdomain, "fqdn": self.fqdn, "claims": list(self.claims)}


class IdentityMixin:
    """StatefulSet methods for names, ordinals and rendered objects."""

    __slots__ = ()

    def ordinals(self):
        """The replica ordinals as a range: ``spec.ordinals.start`` (0 when
        absent) up to start + ``spec.replicas`` (1 when absent); empty for
        ``replicas: 0``."""
        start, count = c_int32(), c_int32()
        lib.sts_statefulset_ordinals(start, count, self._p, ErrorPtr())
        return range(start.value, start.value + count.value)

    def pod_name(self, ordinal):
        """``<set>-<ordinal>``."""
        return sized_string(lib.sts_statefulset_pod_name, self._p,
                            check_int32(ordinal, "ordinal"))

    def pod_names(self):
        """The names of every replica, in ordinal order."""
        return [self.pod_name(o) for o in self.ordinals()]

    def pod_fqdn(self, ordinal, namespace=None, cluster_domain="cluster.local"):
        """``<pod>.<serviceName>.<namespace>.svc.<cluster_domain>`` (no
        trailing dot), None when the set has no serviceName. The namespace
        defaults to the set's, else "default"."""
        return sized_string(lib.sts_statefulset_pod_fqdn, self._p, check_int32(ordinal, "ordinal"),
                            byref(identity_opts(namespace, cluster_domain)))

    def claim_names(self, ordinal):
        """The PersistentVolumeClaim names of one replica, one per
        volumeClaimTemplate in template order (``<claim>-<set>-<ordinal>``)."""
        p, ordinal = self._p, check_int32(ordinal, "ordinal")
        return [sized_string(lib.sts_statefulset_claim_name, p, i, ordinal)
                for i in range(lib.sts_statefulset_claim_count(p))]

    def effective_namespace(self, namespace=None):
        """The namespace the set's pods live in: @namespace, else the set's, else "default"."""
        return text(lib.sts_statefulset_effective_namespace(self._p,
                                                            byref(identity_opts(namespace))))

    def pods(self, namespace=None, cluster_domain="cluster.local"):
        """A PodIdentity for every replica, in ordinal order."""
        opts = byref(identity_opts(namespace, cluster_domain))
        p = self._p
        ns = text(lib.sts_statefulset_effective_namespace(p, opts))
        # The controller copies spec.serviceName into spec.subdomain as is.
        subdomain = self.service_name or None
        result = []
        for ordinal in self.ordinals():
            name = sized_string(lib.sts_statefulset_pod_name, p, ordinal)
            fqdn = sized_string(lib.sts_statefulset_pod_fqdn, p, ordinal, opts)
            # spec.hostname is the pod name (statefulset-spec.md 2.3)
            result.append(PodIdentity(self.name, ns, ordinal, name, name, subdomain, fqdn,
                                      tuple(self.claim_names(ordinal))))
        return result

    def is_member(self, pod):
        """True when @pod belongs to this set by name (the controller's
        isMemberOf: the parent parsed from the pod's name is the set's name)."""
        from ._objects import Object
        check_object(pod, Object, "pod")
        return lib.sts_statefulset_is_member(self._p, pod._p) == 1

    def render_pod(self, ordinal, namespace=None, revision=None, uid=None):
        """The Pod the controller creates for @ordinal (a new, independent
        Pod object). @revision is the ControllerRevision name for the
        ``controller-revision-hash`` label (none when None); @uid overrides
        the owner reference's uid (default ``metadata.uid``)."""
        out = ObjectPtr()
        lib.sts_statefulset_render_pod(out, self._p, check_int32(ordinal, "ordinal"),
                                       byref(identity_opts(namespace, None, revision, uid)),
                                       ErrorPtr())
        return self._own(out)

    def render_claims(self, ordinal, namespace=None):
        """The PersistentVolumeClaims the controller creates for @ordinal,
        one per volumeClaimTemplate (new PersistentVolumeClaim objects)."""
        out = ObjectListPtr()
        lib.sts_statefulset_render_claims(out, self._p, check_int32(ordinal, "ordinal"),
                                          byref(identity_opts(namespace)), ErrorPtr())
        return self._own_list(out)

    def check_names(self, revision=None):
        """Naming problems with real consequences, as a list of Problem: pod
        names over 63 characters, set names over 52 (the
        ``controller-revision-hash`` label; with @revision, the revision
        name's exact length is checked), claim names over 253."""
        return collect_problems(lib.sts_statefulset_check_names, self._p,
                                byref(identity_opts(None, None, revision)))
