"""Ordinal identity: names, ordinals, rendered Pods and PVCs, naming checks.

Expected values: statefulset-spec.md section 2 and test-scenarios.md S01-S12,
S32 (upstream stateful_set_utils_test.go and stateful_set_control_test.go),
and the StatefulSet tutorial (web.yaml, scaled to 3 replicas).
"""
import gc

import pytest

import statefulset
from conftest import read_data


def one(text):
    (obj,) = statefulset.load(text)
    return obj


def sts_yaml(name="web", spec="{}", meta=""):
    return ("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: %s%s}\nspec: %s\n"
            % (name, meta, spec))


@pytest.fixture
def tutorial(web):
    svc, sts = web
    sts.replicas = 3  # kubectl scale sts web --replicas=3
    return svc, sts


@pytest.fixture
def foo():
    return one(read_data("foo.yaml"))


# ---- S01 parse_pod_name -----------------------------------------------------------

@pytest.mark.parametrize("name, parent, ordinal", [
    ("foo-1", "foo", 1),
    ("1-bar", "", -1),
    ("web-0", "web", 0),
    ("my-web-app-12", "my-web-app", 12),
    ("web-3-4", "web-3", 4),
    ("web-007", "web", 7),
    ("web-", "", -1),
    ("web", "", -1),
    ("web-2147483647", "web", 2147483647),
    ("web-2147483648", "web", -1),
    ("web-99999999999", "web", -1),
    ("-5", "", 5),
    ("", "", -1),
])
def test_parse_pod_name(name, parent, ordinal):
    assert statefulset.parse_pod_name(name) == (parent, ordinal)


def test_parse_pod_name_non_ascii_parent():
    # the parent is a prefix of the name: multi-byte characters stay whole
    assert statefulset.parse_pod_name("wéb-3") == ("wéb", 3)


def test_parse_pod_name_wants_str():
    with pytest.raises(TypeError):
        statefulset.parse_pod_name(b"web-0")


# ---- the tutorial --------------------------------------------------------------------

def test_tutorial_names(tutorial):
    _, sts = tutorial
    assert sts.ordinals() == range(0, 3)
    assert sts.pod_names() == ["web-0", "web-1", "web-2"]
    assert [sts.claim_names(i) for i in sts.ordinals()] == [["www-web-0"], ["www-web-1"],
                                                            ["www-web-2"]]
    assert [sts.pod_fqdn(i) for i in sts.ordinals()] == [
        "web-0.nginx.default.svc.cluster.local",
        "web-1.nginx.default.svc.cluster.local",
        "web-2.nginx.default.svc.cluster.local"]
    assert sts.pod_fqdn(1, namespace="prod", cluster_domain="example.org") == \
        "web-1.nginx.prod.svc.example.org"
    assert sts.effective_namespace() == "default"


def test_tutorial_pod_identities(tutorial):
    _, sts = tutorial
    pods = sts.pods()
    assert [p.to_dict() for p in pods] == [
        {"statefulSet": "web", "namespace": "default", "ordinal": i, "name": "web-%d" % i,
         "hostname": "web-%d" % i, "subdomain": "nginx",
         "fqdn": "web-%d.nginx.default.svc.cluster.local" % i, "claims": ["www-web-%d" % i]}
        for i in range(3)]
    p = pods[2]
    assert (p.stateful_set, p.ordinal, p.name, p.claims) == ("web", 2, "web-2", ("www-web-2",))
    with pytest.raises(AttributeError):
        p.name = "other"  # frozen
    assert p == sts.pods()[2] and hash(p) == hash(sts.pods()[2])
    (q,) = [x for x in sts.pods(namespace="prod", cluster_domain="example.org") if x.ordinal == 0]
    assert (q.namespace, q.fqdn) == ("prod", "web-0.nginx.prod.svc.example.org")


# ---- ordinals ---------------------------------------------------------------------------

def test_start_ordinal():
    sts = one(sts_yaml(spec="{replicas: 3, ordinals: {start: 5}, serviceName: nginx, "
                            "volumeClaimTemplates: [{metadata: {name: www}}]}"))
    assert sts.ordinals() == range(5, 8)
    assert sts.pod_names() == ["web-5", "web-6", "web-7"]
    assert sts.claim_names(7) == ["www-web-7"]
    assert [p.ordinal for p in sts.pods()] == [5, 6, 7]
    assert sts.pods()[0].fqdn == "web-5.nginx.default.svc.cluster.local"


def test_start_ordinal_s32(foo):
    foo.ordinals_start = 2
    assert foo.pod_names() == ["foo-2", "foo-3", "foo-4"]
    assert [foo.claim_names(o) for o in foo.ordinals()] == [["datadir-foo-2"], ["datadir-foo-3"],
                                                            ["datadir-foo-4"]]


def test_zero_replicas():
    sts = one(sts_yaml(spec="{replicas: 0, ordinals: {start: 5}, serviceName: nginx}"))
    assert len(sts.ordinals()) == 0
    assert sts.pod_names() == [] and sts.pods() == []


def test_absent_replicas_is_one_and_no_service_no_fqdn():
    sts = one(sts_yaml(spec="{}"))
    assert sts.ordinals() == range(0, 1)
    assert sts.pod_fqdn(0) is None
    (p,) = sts.pods()
    assert (p.name, p.hostname, p.subdomain, p.fqdn, p.claims) == ("web-0", "web-0", None, None,
                                                                   ())


def test_namespace_of_the_set():
    sts = one(sts_yaml(meta=", namespace: prod", spec="{serviceName: nginx}"))
    assert sts.effective_namespace() == "prod"
    assert sts.effective_namespace("other") == "other"
    assert sts.pod_fqdn(0) == "web-0.nginx.prod.svc.cluster.local"


def test_ordinal_arguments_are_int32(tutorial):
    _, sts = tutorial
    with pytest.raises(statefulset.RangeError):
        sts.pod_fqdn(2 ** 31)
    with pytest.raises(TypeError):
        sts.claim_names("0")


# ---- S02 membership ----------------------------------------------------------------------

def test_membership(foo):
    pod = foo.render_pod(1)
    assert foo.is_member(pod)
    foo2 = foo.clone()
    foo2.name = "foo2"
    assert not foo2.is_member(pod)
    other = statefulset.Pod.new("foo-3-4")
    assert not foo.is_member(other)
    assert foo.is_member(statefulset.Pod.new("foo-007"))  # leading zeros: still a member
    with pytest.raises(TypeError):
        foo.is_member("foo-1")


# ---- S07 the rendered pod -----------------------------------------------------------------

def test_render_pod_s07(foo):
    pod = foo.render_pod(0, revision="foo-6cdf689c4c")
    assert isinstance(pod, statefulset.Pod)
    assert (pod.kind, pod.api_version, pod.name, pod.namespace) == ("Pod", "v1", "foo-0", "default")
    assert pod.labels == {"foo": "bar", "statefulset.kubernetes.io/pod-name": "foo-0",
                          "apps.kubernetes.io/pod-index": "0",
                          "controller-revision-hash": "foo-6cdf689c4c"}
    assert pod.get("metadata.ownerReferences") == [
        {"apiVersion": "apps/v1", "kind": "StatefulSet", "name": "foo", "uid": "test",
         "controller": True, "blockOwnerDeletion": True}]
    assert (pod.hostname, pod.subdomain) == ("foo-0", "governingsvc")
    assert pod.get("spec.volumes") == [
        {"name": "datadir", "persistentVolumeClaim": {"claimName": "datadir-foo-0",
                                                      "readOnly": False}},
        {"name": "home", "hostPath": {"path": "/tmp/home"}}]
    assert pod.get("spec.containers[0].image") == "nginx"


def test_render_pod_options(foo):
    pod = foo.render_pod(2, namespace="prod", uid="1234")
    assert pod.namespace == "prod"
    assert pod.get("metadata.ownerReferences[0].uid") == "1234"
    assert pod.get_label("apps.kubernetes.io/pod-index") == "2"
    assert not pod.has('metadata.labels["controller-revision-hash"]')  # no revision given


def test_render_pod_out_of_range(foo):
    with pytest.raises(statefulset.RangeError) as info:
        foo.render_pod(-1)
    assert info.value.code == statefulset.ERANGE


def test_rendered_objects_outlive_the_set(foo):
    pod = foo.render_pod(1)
    claims = foo.render_claims(1)
    foo.close()
    gc.collect()
    assert pod.name == "foo-1" and pod.to_dict()["spec"]["hostname"] == "foo-1"
    assert claims[0].name == "datadir-foo-1"
    with pytest.raises(ValueError):
        foo.render_pod(0)  # closed


def test_render_claim_volume_replaces_template_volume():
    sts = one(sts_yaml(meta=", namespace: prod", spec=(
        "{replicas: 2, ordinals: {start: 5}, template: {spec: {volumes: [{name: a, emptyDir: {}}, "
        "{name: www, emptyDir: {}}, {name: b, configMap: {name: c}}]}}, "
        "volumeClaimTemplates: [{metadata: {name: www}}, {metadata: {name: logs}}]}")))
    pod = sts.render_pod(6)
    assert [v["name"] for v in pod.get("spec.volumes")] == ["www", "logs", "a", "b"]
    assert pod.get("spec.volumes[1].persistentVolumeClaim.claimName") == "logs-web-6"
    assert sts.claim_names(6) == ["www-web-6", "logs-web-6"]
    assert not pod.has("spec.subdomain")  # no serviceName


# ---- S08 claims ---------------------------------------------------------------------------

@pytest.mark.parametrize("selector, labels, expected", [
    ("{}", "", None),
    ("{matchLabels: {test: test}}", "", {"test": "test"}),
    ("{matchLabels: {name: foo}}", ", labels: {test: test}", {"test": "test", "name": "foo"}),
    ("{matchLabels: {test: foo}}", ", labels: {test: test}", {"test": "foo"}),  # selector wins
])
def test_claim_labels_merge_selector_wins(selector, labels, expected):
    sts = one(sts_yaml(name="foo", meta=", namespace: default", spec=(
        "{replicas: 1, selector: %s, volumeClaimTemplates: [{metadata: {name: datadir%s}, "
        "spec: {resources: {requests: {storage: 1}}}}]}" % (selector, labels))))
    (claim,) = sts.render_claims(0)
    assert isinstance(claim, statefulset.PersistentVolumeClaim)
    assert (claim.name, claim.namespace) == ("datadir-foo-0", "default")
    assert claim.get("metadata.labels") == expected
    assert claim.get("spec.resources.requests.storage") == 1


def test_tutorial_claims(tutorial):
    _, sts = tutorial
    claims = sts.render_claims(2)
    assert [c.name for c in claims] == ["www-web-2"]
    assert claims[0].to_dict() == {
        "apiVersion": "v1", "kind": "PersistentVolumeClaim",
        "metadata": {"name": "www-web-2", "namespace": "default", "labels": {"app": "nginx"}},
        "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}}
    assert sts.render_claims(0, namespace="prod")[0].namespace == "prod"
    no_claims = one(sts_yaml(spec="{replicas: 1}"))
    assert no_claims.render_claims(0) == []


# ---- S11 / S12 naming problems -------------------------------------------------------------

def test_pod_name_length_s12():
    name61 = "a" * 61
    assert one(sts_yaml(name=name61, spec="{replicas: 10}")).check_names(revision="x") == []
    (p,) = one(sts_yaml(name=name61, spec="{replicas: 11}")).check_names(revision="x")
    assert isinstance(p, statefulset.Problem)
    assert p.path == "metadata.name" and p.code == statefulset.EVALIDATION
    assert "64 characters" in p.message and "63" in p.message  # <61>-10 is 64 characters


def test_revision_label_length_s12():
    assert one(sts_yaml(name="b" * 52)).check_names() == []
    name53 = "c" * 53
    sts = one(sts_yaml(name=name53))
    (p,) = sts.check_names()
    assert "53" in p.message
    # with the revision known, its exact length decides (label values: at most 63)
    assert sts.check_names(revision=name53 + "-59b8f57") == []          # 61 characters
    (p,) = sts.check_names(revision=name53 + "-6cdf689c4c")             # 64 characters
    assert "64" in p.message


def test_claim_collisions_s11():
    objs = statefulset.load(
        sts_yaml(name="x-y", spec="{replicas: 1, volumeClaimTemplates: [{metadata: {name: data}}]}")
        + "---\n" + sts_yaml(name='"y"', spec="{replicas: 2, volumeClaimTemplates: "
                                                 "[{metadata: {name: data-x}}]}")
        + "---\n" + sts_yaml(name='"y"', meta=", namespace: other",
                             spec="{replicas: 2, volumeClaimTemplates: [{metadata: {name: data-x}}]}")
        + "---\napiVersion: v1\nkind: Service\nmetadata: {name: nginx}\n")
    (p,) = statefulset.check_claim_collisions(objs)
    assert "data-x-y-0" in p.message and "default" in p.message
    # the same sets from different loads, and disjoint ordinals: no shared claim
    a = one(sts_yaml(name="x-y", spec="{replicas: 1, volumeClaimTemplates: "
                                      "[{metadata: {name: data}}]}"))
    b = one(sts_yaml(name='"y"', spec="{replicas: 1, ordinals: {start: 3}, "
                                      "volumeClaimTemplates: [{metadata: {name: data-x}}]}"))
    assert statefulset.check_claim_collisions([a, b]) == []
    b.ordinals_start = 0
    assert len(statefulset.check_claim_collisions([a, b])) == 1
    assert statefulset.check_claim_collisions([]) == []
    with pytest.raises(TypeError):
        statefulset.check_claim_collisions([a, "b"])
