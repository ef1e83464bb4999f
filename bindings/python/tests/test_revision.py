"""ControllerRevisions: canonical bytes, FNV-1 hash, names, objects, equality.

Expected values: the published vectors of statefulset-spec.md 4.4 and
test-scenarios.md S13-S16 (V1 = the upstream 1.33 fixture, V2 = 1.34), on the
fixtures in tests/data/revision/ of the source tree (live dumps whose
status.updateRevision is the published name, and the same set as authored).
"""
import json
import os

import pytest

import statefulset

REVISION_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir,
                             os.pardir, "tests", "data", "revision")

V1 = (b'{"spec":{"template":{"$patch":"replace","metadata":{"annotations":{"test":"value"},'
      b'"creationTimestamp":null,"labels":{"app":"foo"}},"spec":{"containers":[{"image":"test",'
      b'"imagePullPolicy":"Always","name":"test","resources":{},"terminationMessagePath":'
      b'"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst",'
      b'"restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},'
      b'"terminationGracePeriodSeconds":30}}}}')
V2 = V1.replace(b'"creationTimestamp":null,', b"")
V3 = (b'{"spec":{"template":{"$patch":"replace","metadata":{"labels":{"app":"nginx"}},"spec":'
      b'{"containers":[{"image":"nginx:1.25","imagePullPolicy":"IfNotPresent","name":"nginx",'
      b'"resources":{},"terminationMessagePath":"/dev/termination-log",'
      b'"terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always",'
      b'"schedulerName":"default-scheduler","securityContext":{},'
      b'"terminationGracePeriodSeconds":30}}}}')
V4 = V3.replace(b'"metadata":{', b'"metadata":{"creationTimestamp":null,')

# V3's template as a manifest, hashed as it is ("live")
V3_SET = """\
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: foo}
spec:
  template:
    metadata: {%s labels: {app: nginx}}
    spec:
      containers:
      - {image: "nginx:1.25", imagePullPolicy: IfNotPresent, name: nginx, resources: {},
         terminationMessagePath: /dev/termination-log, terminationMessagePolicy: File}
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {}
      terminationGracePeriodSeconds: 30
"""


def fixture(name):
    path = os.path.join(REVISION_DATA, name)
    if not os.path.exists(path):
        pytest.skip("tests/data/revision of the source tree is not available")
    (sts,) = statefulset.load_file(path)
    return sts


def v3_set(creation_timestamp_null=False):
    (sts,) = statefulset.load(V3_SET % ("creationTimestamp: null," if creation_timestamp_null
                                        else ""))
    return sts


def fnv1a_32(data):
    """FNV-1a, only to show the negative vector really is FNV-1a's answer."""
    h = 2166136261
    for b in data:
        h = ((h ^ b) * 16777619) % 2 ** 32
    return h


# ---- FNV-1 --------------------------------------------------------------------------

def test_fnv1_vectors():
    assert len(V3) == 416 and len(V4) == 441
    assert statefulset.fnv1_32(b"") == 2166136261          # offset basis
    assert statefulset.fnv1_32(b"0") == 84696367           # V5
    assert statefulset.fnv1_32(V1 + b"0") == 733928534
    assert statefulset.fnv1_32(V1 + b"1") == 733928535
    assert statefulset.fnv1_32(V2 + b"0") == 3325552446
    assert statefulset.fnv1_32(V3 + b"0") == 2789245707
    assert statefulset.fnv1_32(V3 + b"10") == 3247327374
    assert statefulset.fnv1_32(V4 + b"0") == 1564913
    assert statefulset.fnv1_32(bytearray(b"0")) == statefulset.fnv1_32(memoryview(b"0"))
    assert statefulset.fnv1_32("0") == 84696367            # str: its UTF-8 bytes


def test_fnv1_not_fnv1a():
    assert fnv1a_32(V1 + b"0") == 120108408               # what FNV-1a gives (spec 4.4)
    assert statefulset.fnv1_32(V1 + b"0") != 120108408
    assert fixture("live-1.33.yaml").revision_hash() != "56454d84d"


def test_fnv1_embedded_nul():
    assert statefulset.fnv1_32(b"a\0b") != statefulset.fnv1_32(b"a")


# ---- V1 / V2: the upstream fixtures ---------------------------------------------------

def test_v1_authored_up_to_1_33():
    sts = fixture("authored.yaml")
    for version in ("1.33", "1.31", "v1.33.4"):
        assert sts.revision_bytes(kube_version=version, mode="authored") == V1
        assert sts.revision(kube_version=version, mode="authored") == "test-c77f6d978"
    assert sts.revision_hash(kube_version="1.33") == "c77f6d978"  # auto: no live markers
    assert sts.revision(kube_version="1.33", collision_count=1) == "test-c77f6d979"


def test_v2_authored_from_1_34():
    sts = fixture("authored.yaml")
    for version in ("1.34", "1.35", None):
        assert sts.revision_bytes(kube_version=version, mode="authored") == V2
        assert sts.revision(kube_version=version, mode="authored") == "test-776999688b"
    assert sts.revision(kube_version="1.34", collision_count=1) == "test-776999688c"
    assert sts.revision_hash() == "776999688b"


@pytest.mark.parametrize("name, expected, data", [
    ("live-1.33.yaml", "test-c77f6d978", V1),
    ("live-1.34.yaml", "test-776999688b", V2),
    ("live-1.34.json", "test-776999688b", V2),
])
def test_live_dumps_reproduce_update_revision(name, expected, data):
    sts = fixture(name)
    assert sts.update_revision == expected
    for version in (None, "1.31", "1.33", "1.34", "1.35"):  # live: the version does not matter
        assert sts.revision(kube_version=version) == expected
        assert sts.revision(kube_version=version, mode="live") == expected
    assert sts.revision_bytes() == data


def test_live_mode_hashes_the_manifest_as_is():
    sts = fixture("authored.yaml")
    assert sts.revision_bytes(kube_version="1.33", mode="live") == V2


# ---- V3 / V4: hash length and collision counts -------------------------------------------

@pytest.mark.parametrize("cc, hash_", [(0, "6cdf689c4c"), (1, "6cdf689c4b"), (2, "6cdf689c49"),
                                       (10, "768c76c7c8")])
def test_v3_collision_counts(cc, hash_):
    sts = v3_set()
    assert sts.revision_bytes(mode="live") == V3
    assert sts.revision_hash(mode="live", collision_count=cc) == hash_
    assert sts.revision(mode="live", collision_count=cc) == "foo-" + hash_  # S16


@pytest.mark.parametrize("cc, hash_", [(0, "59b8f57"), (1, "59b8f56"), (2, "59b8f59"),
                                       (10, "7b66684fb")])
def test_v4_short_hashes(cc, hash_):
    sts = v3_set(creation_timestamp_null=True)
    assert sts.revision_bytes(mode="live") == V4
    assert sts.revision_hash(mode="live", collision_count=cc) == hash_


def test_collision_count_from_status():
    sts = v3_set()
    sts.set("status.collisionCount", 2)
    assert sts.revision_hash(mode="live") == "6cdf689c49"
    assert sts.revision_hash(mode="live", collision_count=0) == "6cdf689c4c"


def test_name_prefix_truncated_to_223_bytes():
    sts = v3_set()
    sts.name = "p" * 230
    assert sts.revision(mode="live") == "p" * 223 + "-6cdf689c4c"


# ---- ControllerRevision objects -------------------------------------------------------------

def test_revision_object_from_live_set():
    sts = fixture("live-1.34.yaml")
    rev = sts.revision_object(1)
    assert isinstance(rev, statefulset.ControllerRevision)
    assert (rev.api_version, rev.kind, rev.name, rev.namespace) == (
        "apps/v1", "ControllerRevision", "test-776999688b", "default")
    assert rev.labels == {"app": "foo", "controller.kubernetes.io/hash": "776999688b"}
    assert rev.get("revision") == 1
    assert rev.get("data") == json.loads(V2)
    owner = rev.get("metadata.ownerReferences[0]")
    assert {k: owner[k] for k in ("apiVersion", "kind", "name", "uid", "controller",
                                  "blockOwnerDeletion")} == {
        "apiVersion": "apps/v1", "kind": "StatefulSet", "name": "test",
        "uid": "2f4c1a7e-8d3b-4e6f-9a10-5b7c9d1e2f30", "controller": True,
        "blockOwnerDeletion": True}
    sts.close()
    assert rev.name == "test-776999688b"  # independent of the set


def test_revision_object_annotations_from_the_set():
    sts = fixture("authored.yaml")
    rev = sts.revision_object(3, kube_version="1.33", collision_count=1)
    assert rev.name == "test-c77f6d979"
    assert rev.annotations == {"team": "storage"}        # the set's, not the template's
    assert rev.get("revision") == 3
    assert rev.get("data") == json.loads(V1)


def test_revision_equal():
    r33 = fixture("live-1.33.yaml").revision_object(1)
    r34 = fixture("live-1.34.yaml").revision_object(2)
    assert statefulset.revision_equal(r34, fixture("live-1.34.json").revision_object(2))
    assert not statefulset.revision_equal(r33, r34)      # S19 without the gate: bytes differ
    assert not statefulset.revision_equal(r34, None)
    assert statefulset.revision_equal(None, None)
    # hash labels that parse as int32 and differ decide, whatever the data
    a, b = r34.clone(), r34.clone()
    a.set_label("controller.kubernetes.io/hash", "456")
    b.set_label("controller.kubernetes.io/hash", "457")
    assert not statefulset.revision_equal(a, b)
    b.set_label("controller.kubernetes.io/hash", "+456")
    assert statefulset.revision_equal(a, b)
    with pytest.raises(TypeError):
        statefulset.revision_equal(r34, "x")


# ---- errors -------------------------------------------------------------------------------

def test_unknown_kubernetes_version():
    sts = fixture("authored.yaml")
    for bad in ("1.30", "1.36", "abc"):
        with pytest.raises(statefulset.VersionError) as info:
            sts.revision(kube_version=bad, mode="authored")
        assert info.value.code == statefulset.EVERSION and bad in info.value.message


def test_bad_mode_and_collision_count():
    sts = v3_set()
    with pytest.raises(ValueError):
        sts.revision(mode="stored")
    with pytest.raises(ValueError):
        sts.revision(mode=1)
    with pytest.raises(statefulset.RangeError):
        sts.revision(collision_count=2 ** 31)
    with pytest.raises(TypeError):
        sts.revision_object("1")


def test_no_template():
    (sts,) = statefulset.load("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x}\n")
    with pytest.raises(statefulset.NotFoundError) as info:
        sts.revision_bytes()
    assert info.value.code == statefulset.ENOTFOUND
