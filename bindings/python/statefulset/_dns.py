"""Cluster DNS (dns.h): the records of a StatefulSet's governing Service.

The library decides which records exist and why others are missing; this
module copies its answer into Python values.
"""

import collections
from ctypes import byref, string_at

from ._calls import check_object, object_list, optional_str, problems, text
from ._lib import Buf, DnsOpts, DnsRecordsPtr, ErrorPtr, lib

class DnsRecord(collections.namedtuple("DnsRecord", "name type ttl data pod")):
    """One resource record.

    name: owner name with the trailing dot
    (``web-0.nginx.default.svc.cluster.local.``); type: "A", "AAAA", "SRV" or
    "PTR"; ttl: seconds; data: master-file syntax (an address, ``0 50 80
    target.`` for SRV, a name for PTR), "" for an address not known yet
    (predicted without Pods); pod: the pod the record is about, "" for
    records of the whole Service.
    """

    __slots__ = ()

    def to_dict(self):
        """``{"name", "type", "ttl", "data", "pod"}`` as ``stsctl dns -o json`` prints it."""
        return dict(self._asdict())


class DnsRecords:
    """The answer of StatefulSet.dns_records(): ``records`` (list of
    DnsRecord), ``problems`` (list of Problem: no Service, not headless,
    selector mismatch, unnamed ports, unready pods, ...), ``service_fqdn``
    (None without a serviceName) and ``zone()``, the RFC 1035 master file.
    Iterating gives the records."""

    __slots__ = ("records", "problems", "service_fqdn", "_zone")

    def __init__(self, records, found, service_fqdn, zone):
        self.records = records
        self.problems = found
        self.service_fqdn = service_fqdn
        self._zone = zone

    def zone(self):
        """The records as an RFC 1035 master file (``$ORIGIN``, ``$TTL``;
        predicted addresses and problems as comments), as the library writes it."""
        return self._zone

    def __iter__(self):
        return iter(self.records)

    def __len__(self):
        return len(self.records)

    def __repr__(self):
        return "<statefulset.DnsRecords %s: %d records, %d problems>" % (
            self.service_fqdn, len(self.records), len(self.problems))


def _dns_opts(cluster_domain, ttl):
    opts = DnsOpts()
    lib.sts_dns_opts_init(byref(opts))
    opts.cluster_domain = optional_str(cluster_domain, "cluster_domain")
    if ttl is not None:
        # 0 would mean "the library's default" in C: refuse it rather than surprise.
        if isinstance(ttl, bool) or not isinstance(ttl, int) or not 0 < ttl < 2 ** 32:
            raise ValueError("ttl must be an integer from 1 to 4294967295, not %r" % (ttl,))
        opts.ttl = ttl
    return opts


def _copy(recs):
    """Everything of an sts_dns_records into a DnsRecords (the C one is freed after)."""
    records = []
    for i in range(lib.sts_dns_records_count(recs)):
        records.append(DnsRecord(text(lib.sts_dns_record_name(recs, i)),
                                 text(lib.sts_dns_type_name(lib.sts_dns_record_type(recs, i))),
                                 lib.sts_dns_record_ttl(recs, i),
                                 text(lib.sts_dns_record_data(recs, i)),
                                 text(lib.sts_dns_record_pod(recs, i))))
    buf = Buf()
    try:
        lib.sts_dns_records_zone(byref(buf), recs, ErrorPtr())
        zone = string_at(buf.data, buf.len).decode("utf-8", "surrogateescape") if buf.data else ""
    finally:
        lib.sts_buf_dispose(byref(buf))
    return DnsRecords(records, problems(lib.sts_dns_records_problems(recs)),
                      text(lib.sts_dns_service_fqdn(recs)) or None, zone)


class DnsMixin:
    """StatefulSet.dns_records()."""

    __slots__ = ()

    def dns_records(self, service=None, objects=None, cluster_domain="cluster.local", ttl=None):
        """The DNS records of the headless Service governing this set.

        @service: the Service to use; None finds the Service named
        ``spec.serviceName`` in the set's namespace among @objects.
        @objects: other objects of the input (the Service, Pods with
        ``status.podIP(s)`` and conditions); without Pods every replica is
        predicted as ready, its address unknown. @ttl defaults to 5 (CoreDNS).
        """
        from ._objects import Object, Service
        if service is not None:
            check_object(service, Service, "service")
        opts = _dns_opts(cluster_domain, ttl)
        recs = DnsRecordsPtr()
        with object_list(objects or (), Object) as lst:
            lib.sts_dns_compute(recs, self._p, lst, service._p if service is not None else None,
                                byref(opts), ErrorPtr())
        try:
            return _copy(recs)
        finally:
            lib.sts_dns_records_free(recs)
