"""to_dict()/from_dict() against the official Kubernetes Python client (skipped without it)."""
import pytest

import statefulset

kubernetes = pytest.importorskip("kubernetes")


def test_sanitize_for_serialization_matches(web):
    from kubernetes import client
    api = client.ApiClient()
    sts = web[1]
    model = api._ApiClient__deserialize(sts.to_dict(), "V1StatefulSet")
    assert model.spec.replicas == 2
    assert api.sanitize_for_serialization(model) == sts.to_dict()


def test_from_client_model():
    from kubernetes import client
    model = client.V1StatefulSet(
        api_version="apps/v1", kind="StatefulSet",
        metadata=client.V1ObjectMeta(name="web", labels={"app": "nginx"}),
        spec=client.V1StatefulSetSpec(
            replicas=0, service_name="nginx",
            selector=client.V1LabelSelector(match_labels={"app": "nginx"}),
            template=client.V1PodTemplateSpec(
                metadata=client.V1ObjectMeta(labels={"app": "nginx"}),
                spec=client.V1PodSpec(containers=[client.V1Container(name="n", image="nginx")]))))
    data = client.ApiClient().sanitize_for_serialization(model)
    sts = statefulset.from_dict(data)
    assert type(sts) is statefulset.StatefulSet
    assert sts.replicas == 0 and sts.service_name == "nginx"
    assert sts.to_dict() == data
