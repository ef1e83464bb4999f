import json
import os

import pytest

DATA = os.path.join(os.path.dirname(__file__), "data")


def data_path(name):
    return os.path.join(DATA, name)


def read_data(name):
    with open(data_path(name), encoding="utf-8") as f:
        return f.read()


@pytest.fixture
def web_yaml():
    """The StatefulSet tutorial's web.yaml: a headless Service and a StatefulSet."""
    return read_data("web.yaml")


@pytest.fixture
def web_expected():
    """What kubectl reads from web.yaml (kubectl label --local -f web.yaml x=y -o json,
    with the added label removed)."""
    with open(data_path("web.kubectl.json"), encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture
def web(web_yaml):
    import statefulset
    return statefulset.load(web_yaml)
