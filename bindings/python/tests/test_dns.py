"""Cluster DNS of the governing Service.

Expected values: statefulset-spec.md section 3 (DNS spec 1.1.0, EndpointSlice
readiness, CoreDNS SRV weights: priority 0, weight floor(100 / n)) and
test-scenarios.md S74-S77, on the StatefulSet tutorial's nginx example.
Record order is not part of the spec, so records are compared as multisets.
"""
import collections
import ipaddress

import pytest

import statefulset

ZONE = "nginx.default.svc.cluster.local."
SRV = "_web._tcp.nginx.default.svc.cluster.local."

SERVICE = """\
apiVersion: v1
kind: Service
metadata: {name: nginx, labels: {app: nginx}}
spec:
  ports: [{port: 80, name: web}]
  clusterIP: None
  selector: {app: nginx}
"""

POD = """\
apiVersion: v1
kind: Pod
metadata: {name: web-%(i)d, namespace: default, labels: {app: nginx}%(meta)s}
spec: {hostname: web-%(i)d, subdomain: %(subdomain)s, containers: [{name: nginx, image: x}]}
status: {phase: %(phase)s, podIP: %(ip)s, conditions: [{type: Ready, status: "%(ready)s"}]}
"""


def pod(i, ip, ready=True, subdomain="nginx", phase="Running", terminating=False):
    meta = ", deletionTimestamp: '2025-06-01T12:00:00Z'" if terminating else ""
    (p,) = statefulset.load(POD % dict(i=i, ip=ip, ready="True" if ready else "False",
                                       subdomain=subdomain, phase=phase, meta=meta))
    return p


def records(result):
    return collections.Counter((r.type, r.name, r.data) for r in result.records)


@pytest.fixture
def nginx(web):
    svc, sts = web
    sts.replicas = 2
    return svc, sts


def test_s74_ready_pods(nginx):
    svc, sts = nginx
    result = sts.dns_records(objects=[svc, pod(0, "10.0.0.10"), pod(1, "10.0.0.11")])
    assert records(result) == collections.Counter([
        ("A", ZONE, "10.0.0.10"), ("A", ZONE, "10.0.0.11"),
        ("A", "web-0." + ZONE, "10.0.0.10"), ("A", "web-1." + ZONE, "10.0.0.11"),
        ("SRV", SRV, "0 50 80 web-0." + ZONE), ("SRV", SRV, "0 50 80 web-1." + ZONE),
        ("PTR", "10.0.0.10.in-addr.arpa.", "web-0." + ZONE),
        ("PTR", "11.0.0.10.in-addr.arpa.", "web-1." + ZONE)])
    assert {r.ttl for r in result} == {5}  # CoreDNS default
    assert result.service_fqdn == "nginx.default.svc.cluster.local"
    assert result.problems == []
    by_pod = {r.pod for r in result.records if r.name.startswith("web-")}
    assert by_pod == {"web-0", "web-1"}
    srv = [r for r in result if r.type == "SRV"][0]
    assert isinstance(srv, statefulset.DnsRecord)
    assert set(srv.to_dict()) == {"name", "type", "ttl", "data", "pod"}


def test_service_passed_directly(nginx):
    svc, sts = nginx
    direct = sts.dns_records(service=svc, objects=[pod(0, "10.0.0.10"), pod(1, "10.0.0.11")])
    found = sts.dns_records(objects=[svc, pod(0, "10.0.0.10"), pod(1, "10.0.0.11")])
    assert direct.records == found.records
    with pytest.raises(TypeError):
        sts.dns_records(service=sts)


def test_s75_unready_pod(nginx):
    svc, sts = nginx
    result = sts.dns_records(objects=[svc, pod(0, "10.0.0.10"), pod(1, "10.0.0.11", ready=False)])
    assert records(result) == collections.Counter([
        ("A", ZONE, "10.0.0.10"), ("A", "web-0." + ZONE, "10.0.0.10"),
        ("SRV", SRV, "0 100 80 web-0." + ZONE),
        ("PTR", "10.0.0.10.in-addr.arpa.", "web-0." + ZONE)])
    assert any("web-1" in p.message for p in result.problems)


def test_s75_publish_not_ready_addresses(nginx):
    svc, sts = nginx
    svc.set("spec.publishNotReadyAddresses", True)
    result = sts.dns_records(objects=[svc, pod(0, "10.0.0.10"), pod(1, "10.0.0.11", ready=False)])
    got = records(result)
    assert got[("A", "web-1." + ZONE, "10.0.0.11")] == 1
    assert got[("A", ZONE, "10.0.0.11")] == 1
    assert got[("SRV", SRV, "0 50 80 web-1." + ZONE)] == 1
    assert result.problems == []


def test_s75_no_ready_pods_no_service_name(nginx):
    svc, sts = nginx
    result = sts.dns_records(objects=[svc, pod(0, "10.0.0.10", ready=False),
                                      pod(1, "10.0.0.11", ready=False)])
    assert not [r for r in result if r.name == ZONE]  # NXDOMAIN
    assert not [r for r in result if r.data]


def test_terminating_pods_need_publish_not_ready(nginx):
    svc, sts = nginx
    objs = [svc, pod(0, "10.0.0.10"), pod(1, "10.0.0.11", terminating=True)]
    assert not [r for r in sts.dns_records(objects=objs) if r.pod == "web-1"]
    svc.set("spec.publishNotReadyAddresses", True)
    assert records(sts.dns_records(objects=objs))[("A", "web-1." + ZONE, "10.0.0.11")] == 1


def test_finished_pods_are_never_endpoints(nginx):
    svc, sts = nginx
    svc.set("spec.publishNotReadyAddresses", True)
    result = sts.dns_records(objects=[svc, pod(0, "10.0.0.10"),
                                      pod(1, "10.0.0.11", phase="Failed")])
    assert "10.0.0.11" not in {r.data for r in result}


def test_s76_hostname_only_when_subdomain_matches(nginx):
    svc, sts = nginx
    sts.replicas = 1
    result = sts.dns_records(objects=[svc, pod(0, "10.0.0.10", subdomain="other")])
    got = records(result)
    assert not [r for r in result if r.name == "web-0." + ZONE]
    assert got[("A", "10-0-0-10." + ZONE, "10.0.0.10")] == 1
    assert result.problems


def test_s77_unnamed_ports_get_no_srv(nginx):
    svc, sts = nginx
    svc.set("spec.ports", [{"port": 80}])
    result = sts.dns_records(objects=[svc])
    assert not [r for r in result if r.type == "SRV"]
    assert any("80" in p.message for p in result.problems)


def test_tutorial_prediction_without_pods(web):
    svc, sts = web
    sts.replicas = 3
    result = sts.dns_records(objects=[svc])
    assert records(result) == collections.Counter(
        [("A", ZONE, "")] * 3
        + [("A", "web-%d.%s" % (i, ZONE), "") for i in range(3)]
        + [("SRV", SRV, "0 33 80 web-%d.%s" % (i, ZONE)) for i in range(3)])
    assert sorted(r.pod for r in result if r.type == "A" and r.name == ZONE) == \
        ["web-0", "web-1", "web-2"]
    assert len(result) == 9 and result.problems == []
    zone = result.zone()
    assert "$ORIGIN nginx.default.svc.cluster.local.\n$TTL 5\n" in zone
    assert "%s 5 IN SRV 0 33 80 web-1.%s\n" % (SRV, ZONE) in zone


def test_cluster_domain_and_ttl(web):
    svc, sts = web
    result = sts.dns_records(objects=[svc], cluster_domain="example.org", ttl=30)
    assert result.service_fqdn == "nginx.default.svc.example.org"
    assert {r.ttl for r in result} == {30}
    assert "web-0.nginx.default.svc.example.org." in {r.name for r in result}
    assert "$TTL 30\n" in result.zone()
    for bad in (0, -1, 2 ** 32, "5", True):
        with pytest.raises(ValueError):
            sts.dns_records(objects=[svc], ttl=bad)


def test_missing_service_is_a_problem_not_an_error(web):
    _, sts = web
    result = sts.dns_records()
    assert result.records == []
    assert result.problems and all(isinstance(p, statefulset.Problem) for p in result.problems)
    assert any("nginx" in p.message for p in result.problems)
    assert result.service_fqdn == "nginx.default.svc.cluster.local"


def test_no_service_name(web):
    _, sts = web
    sts.service_name = None
    result = sts.dns_records()
    assert result.service_fqdn is None and result.records == []
    assert result.problems


def test_cluster_ip_service(web):
    svc, sts = web
    svc.set("spec.clusterIP", "10.96.0.12")
    svc.set("spec.ports", [{"name": "web", "port": 8080}])
    result = sts.dns_records(objects=[svc])
    assert records(result) == collections.Counter([
        ("A", ZONE, "10.96.0.12"), ("SRV", SRV, "0 100 8080 " + ZONE),
        ("PTR", "12.0.96.10.in-addr.arpa.", ZONE)])
    assert any("headless" in p.message for p in result.problems)


def test_ipv6_pod(web):
    svc, sts = web
    sts.replicas = 1
    p = pod(0, "'fd00::1:5'")
    result = sts.dns_records(objects=[svc, p])
    got = records(result)
    assert got[("AAAA", "web-0." + ZONE, "fd00::1:5")] == 1
    # nibble-reversed under ip6.arpa (spec section 3), as Python's ipaddress writes it
    ptr = ipaddress.ip_address("fd00::1:5").reverse_pointer + "."
    assert got[("PTR", ptr, "web-0." + ZONE)] == 1
