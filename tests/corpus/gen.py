#!/usr/bin/env python3
"""Generate a realistic, deterministic corpus of Kubernetes StatefulSets.

Each StatefulSet comes after its headless Service (unless --sts-only), the
way charts and `kubectl get -o yaml` dumps present them: databases, queues
and caches with several containers, probes, env (literals, fieldRef,
secretKeyRef, resourceFieldRef and strings YAML would misread), volume
claim templates, affinity, tolerations, update strategies; some objects are
"as applied" manifests, others are read back from a cluster (uid,
resourceVersion, creationTimestamp, defaults, status,
last-applied-configuration).

Outputs are byte-for-byte what kubectl prints (see kubeyaml.py):
  --yaml FILE    multi-document stream, every document starts with "---"
  --json FILE    one `kind: List` as `kubectl get -o json` prints it
  --jsonl FILE   one compact JSON object per line
  --list-yaml FILE  the List as `kubectl get -o yaml` prints it

Same --seed and --count give the same bytes on every Python 3.
Standard library only.
"""

import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kubeyaml  # noqa: E402

APPS = [
    # name, image, port, data dir, extra ports, env prefix
    ("postgres", "docker.io/library/postgres:16.2", 5432, "/var/lib/postgresql/data",
     [("metrics", 9187)], "POSTGRES"),
    ("redis", "docker.io/library/redis:7.2.4", 6379, "/data", [("sentinel", 26379)], "REDIS"),
    ("kafka", "docker.io/bitnami/kafka:3.7.0", 9092, "/bitnami/kafka",
     [("controller", 9093), ("interbroker", 9094)], "KAFKA_CFG"),
    ("zookeeper", "docker.io/library/zookeeper:3.9.2", 2181, "/data",
     [("follower", 2888), ("election", 3888)], "ZOO"),
    ("elasticsearch", "docker.elastic.co/elasticsearch/elasticsearch:8.13.0", 9200,
     "/usr/share/elasticsearch/data", [("transport", 9300)], "ES"),
    ("mongodb", "docker.io/library/mongo:7.0.8", 27017, "/data/db", [], "MONGO"),
    ("mysql", "docker.io/library/mysql:8.3.0", 3306, "/var/lib/mysql", [("mysqlx", 33060)],
     "MYSQL"),
    ("rabbitmq", "docker.io/library/rabbitmq:3.13-management", 5672, "/var/lib/rabbitmq",
     [("management", 15672), ("epmd", 4369)], "RABBITMQ"),
    ("cassandra", "docker.io/library/cassandra:4.1.4", 9042, "/var/lib/cassandra",
     [("intra", 7000), ("jmx", 7199)], "CASSANDRA"),
    ("etcd", "quay.io/coreos/etcd:v3.5.13", 2379, "/var/run/etcd", [("peer", 2380)], "ETCD"),
    ("nats", "docker.io/library/nats:2.10.12", 4222, "/data/jetstream",
     [("cluster", 6222), ("monitor", 8222)], "NATS"),
    ("minio", "quay.io/minio/minio:RELEASE.2024-04-06T05-26-02Z", 9000, "/export",
     [("console", 9001)], "MINIO"),
    ("clickhouse", "docker.io/clickhouse/clickhouse-server:24.3", 8123,
     "/var/lib/clickhouse", [("native", 9000), ("interserver", 9009)], "CLICKHOUSE"),
]
WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike "
         "november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee "
         "zulu").split()
TEAMS = ["payments", "search", "platform", "data", "identity", "billing", "ml", "observability"]
ENVS = ["dev", "staging", "prod", "qa"]
ZONES = ["eu-west-1a", "eu-west-1b", "eu-west-1c", "us-east-1a", "us-east-1b"]
STORAGE_CLASSES = ["gp3", "standard", "fast-ssd", "local-path", "premium-rwo"]
SIZES = ["1Gi", "5Gi", "10Gi", "20Gi", "50Gi", "100Gi", "256Gi", "1Ti", "500M", "2G"]
CPUS = ["50m", "100m", "250m", "500m", "750m", "1", "2", "4", "1500m"]
MEMS = ["64Mi", "128Mi", "256Mi", "512Mi", "1Gi", "2Gi", "4Gi", "8Gi", "16Gi", "1536Mi"]
# env values YAML 1.1 would read as something else unless quoted, and others
# that cannot be plain: the emitter must quote each exactly like go-yaml.
TRICKY = ["yes", "no", "on", "off", "y", "n", "true", "False", "null", "~", "", "8080", "0777",
          "0x1F", "1e3", "1.21", "3.0", "12:30", "2024-05-01", "2024-05-01T12:00:00Z", "1_000",
          "+1", "-1", ".5", "a: b", "#not-a-comment", "x #y", "*", "&anchor", "!tag", "%x",
          "@handle", "`tick`", "{json}", "[list]", "- dash", "? q", " leading", "trailing ",
          "it's", 'say "hi"', "back\\slash", "tab\tseparated", "café", "naïve résumé",
          "日本語", "--", "...", "---", "<<", ".hidden", "1.0.0", "v1.2.3", "0", "-", "=",
          "100%", "50%", "key=value,other=x", "jdbc:postgresql://db:5432/app?ssl=true"]
SCRIPTS = [
    "set -e\nif [ -f /data/.initialized ]; then\n  echo already initialized\n  exit 0\nfi\n"
    "chown -R 1001:1001 /data\ntouch /data/.initialized\n",
    "#!/bin/sh\nset -eu\nordinal=${HOSTNAME##*-}\necho \"ordinal: $ordinal\"\n"
    "exec \"$@\"",
    "until nc -z $(PEER_HOST) 2181; do\n  echo waiting for peer\n  sleep 2\ndone\n",
    "export ID=$(( ${HOSTNAME##*-} + 1 ))  \necho server.$ID >> /conf/zoo.cfg\n",  # space-break
    "  indented first line\nsecond line\n",
    "cp /config/*.conf /etc/app/\n\nexec app --config /etc/app/app.conf\n",
]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def chance(self, p):
        return self.r.random() < p

    def words(self, n):
        return " ".join(self.pick(WORDS) for _ in range(n))

    def hexstr(self, n):
        return "".join(self.pick("0123456789abcdef") for _ in range(n))

    def uid(self):
        h = self.hexstr(32)
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def timestamp(self):
        return "2024-%02d-%02dT%02d:%02d:%02dZ" % (
            self.r.randint(1, 12), self.r.randint(1, 28), self.r.randint(0, 23),
            self.r.randint(0, 59), self.r.randint(0, 59))

    # ---- pieces ----------------------------------------------------------

    def labels(self, app, inst, team, env):
        lab = {"app.kubernetes.io/name": app, "app.kubernetes.io/instance": inst,
               "app.kubernetes.io/component": self.pick(["database", "cache", "broker", team]),
               "app.kubernetes.io/managed-by": self.pick(["Helm", "kustomize", "argocd"]),
               "app.kubernetes.io/part-of": team, "environment": env, "team": team}
        if self.chance(0.5):
            lab["helm.sh/chart"] = "%s-%d.%d.%d" % (app, self.r.randint(1, 20),
                                                    self.r.randint(0, 9), self.r.randint(0, 9))
        if self.chance(0.2):
            lab["tier%d" % self.r.randint(1, 12)] = self.pick(["backend", "storage", "1"])
        if self.chance(0.1):
            lab["app.kubernetes.io/version"] = self.pick(["1.0", "16", "7.2.4", "true"])
        return lab

    def probe(self, port, kind):
        p = {"failureThreshold": self.r.randint(1, 10),
             "initialDelaySeconds": self.pick([0, 5, 10, 15, 30, 60, 120]),
             "periodSeconds": self.pick([5, 10, 15, 20, 30]),
             "successThreshold": 1, "timeoutSeconds": self.pick([1, 3, 5])}
        if kind == "http":
            p["httpGet"] = {"path": self.pick(["/healthz", "/livez", "/readyz", "/-/ready"]),
                            "port": self.pick([port, "http", "metrics"]), "scheme": "HTTP"}
        elif kind == "tcp":
            p["tcpSocket"] = {"port": port}
        else:
            p["exec"] = {"command": ["sh", "-c", self.pick([
                "pg_isready -U postgres -h 127.0.0.1 -p %d" % port,
                "redis-cli -p %d ping | grep PONG" % port,
                "test -f /tmp/ready && curl -sf http://localhost:%d/health" % port])]}
        return p

    def env(self, prefix, n):
        out = []
        for i in range(n):
            k = self.r.randrange(10)
            name = "%s_%s_%d" % (prefix, self.pick(WORDS).upper(), i)
            if k == 0:
                out.append({"name": name, "valueFrom": {"fieldRef": {
                    "apiVersion": "v1", "fieldPath": self.pick(
                        ["metadata.name", "metadata.namespace", "status.podIP",
                         "spec.nodeName", "metadata.labels['app.kubernetes.io/name']"])}}})
            elif k == 1:
                out.append({"name": name, "valueFrom": {"secretKeyRef": {
                    "key": self.pick(["password", "username", "token", "tls.crt"]),
                    "name": "%s-%s" % (prefix.lower().replace("_", "-"), self.pick(WORDS)),
                    **({"optional": True} if self.chance(0.3) else {})}}})
            elif k == 2:
                out.append({"name": name, "valueFrom": {"resourceFieldRef": {
                    "divisor": self.pick(["0", "1", "1Mi"]),
                    "resource": self.pick(["limits.cpu", "limits.memory", "requests.cpu"])}}})
            elif k in (3, 4):
                out.append({"name": name, "value": self.pick(TRICKY)})
            elif k == 5 and self.chance(0.3):
                # JVM options: long, folded by the emitter at column 80
                opts = ["-Xms%dm" % self.pick([256, 512, 1024]), "-Xmx%dg" % self.r.randint(1, 8),
                        "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=200",
                        "-Djava.net.preferIPv4Stack=true", "-XX:+ExitOnOutOfMemoryError",
                        "-Dcom.sun.management.jmxremote.port=7199", "-XX:InitiatingHeapOccupancyPercent=45"]
                out.append({"name": "JAVA_OPTS", "value": " ".join(opts[:self.r.randint(3, 8)])})
            else:
                out.append({"name": name, "value": self.pick([
                    self.pick(WORDS), "%s-%s" % (self.pick(WORDS), self.pick(WORDS)),
                    "/var/lib/%s" % self.pick(WORDS), "info", "debug", "warn",
                    "%s.%s.svc.cluster.local" % (self.pick(WORDS), self.pick(WORDS))])})
        return out

    def resources(self):
        res = {"requests": {"cpu": self.pick(CPUS), "memory": self.pick(MEMS)}}
        if self.chance(0.8):
            res["limits"] = {"cpu": self.pick(CPUS), "memory": self.pick(MEMS)}
            if self.chance(0.3):
                del res["limits"]["cpu"]
        return res

    def container(self, app, image, port, datadir, extra, prefix, claims, cluster, main,
                  main_name=None):
        c = {"name": app if main else main_name,
             "image": image if main else self.pick([
                 "quay.io/prometheus/node-exporter:v1.7.0", "docker.io/fluent/fluent-bit:3.0.2",
                 "ghcr.io/example/backup-agent:2.4.1",
                 "registry.k8s.io/git-sync/git-sync:v4.2.1"])}
        if cluster:
            c["imagePullPolicy"] = self.pick(["IfNotPresent", "Always"])
            c["terminationMessagePath"] = "/dev/termination-log"
            c["terminationMessagePolicy"] = self.pick(["File", "FallbackToLogsOnError"])
        elif self.chance(0.5):
            c["imagePullPolicy"] = self.pick(["IfNotPresent", "Always", "Never"])
        ports = [(app, port) if main else ("m-" + main_name[:13], 9100 + self.r.randrange(10))]
        if main:
            ports += extra
        c["ports"] = [{"containerPort": p, "name": n[:15], "protocol": "TCP"}
                      if cluster or self.chance(0.5) else {"containerPort": p, "name": n[:15]}
                      for n, p in ports]
        if self.chance(0.85):
            c["env"] = self.env(prefix if main else "SIDECAR", self.r.randint(0, 11))
        if self.chance(0.2):
            c["envFrom"] = [{"configMapRef": {"name": "%s-env" % app}}]
        c["resources"] = self.resources()
        if self.chance(0.7):
            c["args"] = ["--port=%d" % ports[0][1], "--data-dir=%s" % datadir,
                         "--log-format=%s" % self.pick(["json", "text"])][:self.r.randint(1, 3)]
        if self.chance(0.15):
            c["command"] = ["/bin/sh", "-c", self.pick(SCRIPTS)]
        if main or self.chance(0.4):
            c["livenessProbe"] = self.probe(port, self.pick(["http", "tcp", "exec"]))
            c["readinessProbe"] = self.probe(port, self.pick(["http", "tcp", "exec"]))
        if main and self.chance(0.3):
            c["startupProbe"] = self.probe(port, "tcp")
        if main and self.chance(0.2):
            c["lifecycle"] = {"preStop": {"exec": {"command": [
                "/bin/sh", "-c", "sleep %d && kill -TERM 1" % self.r.randint(5, 30)]}}}
        if self.chance(0.8):
            sc = {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": self.chance(0.6),
                  "runAsNonRoot": True, "capabilities": {"drop": ["ALL"]}}
            if self.chance(0.3):
                sc["seccompProfile"] = {"type": "RuntimeDefault"}
            c["securityContext"] = sc
        mounts = [{"mountPath": "%s/%s" % (datadir, cl) if i else datadir, "name": cl}
                  for i, cl in enumerate(claims)] if main else [
                      {"mountPath": datadir, "name": claims[0], "readOnly": True}]
        if main and self.chance(0.6):
            mounts.append({"mountPath": "/etc/%s" % app, "name": "config", "readOnly": True})
        c["volumeMounts"] = mounts
        return c

    def claim(self, name, cluster):
        spec = {"accessModes": [self.pick(["ReadWriteOnce", "ReadWriteOnce", "ReadWriteOncePod"])],
                "resources": {"requests": {"storage": self.pick(SIZES)}}}
        if self.chance(0.8):
            spec["storageClassName"] = self.pick(STORAGE_CLASSES)
        c = {"metadata": {"name": name}, "spec": spec}
        if cluster:
            c["apiVersion"] = "v1"
            c["kind"] = "PersistentVolumeClaim"
            spec["volumeMode"] = "Filesystem"
            c["status"] = {"phase": "Pending"}
        elif self.chance(0.2):
            c["metadata"]["labels"] = {"backup": self.pick(["daily", "hourly", "none"])}
        return c

    def affinity(self, sel):
        aff = {}
        if self.chance(0.6):
            aff["nodeAffinity"] = {"requiredDuringSchedulingIgnoredDuringExecution": {
                "nodeSelectorTerms": [{"matchExpressions": [
                    {"key": "node.kubernetes.io/instance-type", "operator": "In",
                     "values": sorted({self.pick(["m5.xlarge", "r5.2xlarge", "c6i.large",
                                                  "m6g.large"]) for _ in range(2)})},
                    {"key": "kubernetes.io/arch", "operator": "In", "values": ["amd64"]}]}]}}
        if self.chance(0.7):
            term = {"labelSelector": {"matchLabels": dict(sel)},
                    "topologyKey": self.pick(["kubernetes.io/hostname",
                                              "topology.kubernetes.io/zone"])}
            if self.chance(0.5):
                aff["podAntiAffinity"] = {
                    "requiredDuringSchedulingIgnoredDuringExecution": [term]}
            else:
                aff["podAntiAffinity"] = {"preferredDuringSchedulingIgnoredDuringExecution": [
                    {"podAffinityTerm": term, "weight": self.pick([1, 50, 100])}]}
        return aff

    # ---- objects ---------------------------------------------------------

    def pair(self, idx):
        app, image, port, datadir, extra, prefix = self.pick(APPS)
        team, env = self.pick(TEAMS), self.pick(ENVS)
        inst = "%s-%s-%d" % (app, self.pick(WORDS), idx)
        ns = "%s-%s" % (team, env)
        cluster = self.chance(0.45)   # read back from a cluster, with defaults and status
        labels = self.labels(app, inst, team, env)
        sel = {"app.kubernetes.io/name": app, "app.kubernetes.io/instance": inst}
        svc_name = inst + "-headless"

        svc = {"apiVersion": "v1", "kind": "Service",
               "metadata": {"name": svc_name, "namespace": ns, "labels": dict(labels)},
               "spec": {"clusterIP": "None", "selector": dict(sel),
                        "publishNotReadyAddresses": self.chance(0.6),
                        "ports": [{"name": n, "port": p, "targetPort": self.pick([p, n]),
                                   "protocol": "TCP"} for n, p in [(app, port)] + extra]}}
        if cluster:
            svc["metadata"].update(creationTimestamp=self.timestamp(), uid=self.uid(),
                                   resourceVersion=str(self.r.randint(1000, 99999999)))
            svc["spec"].update(clusterIPs=["None"], internalTrafficPolicy="Cluster",
                               ipFamilies=["IPv4"], ipFamilyPolicy="SingleStack",
                               sessionAffinity="None", type="ClusterIP")
            svc["status"] = {"loadBalancer": {}}

        claims = ["data"] + ["wal", "logs", "backup"][:self.r.randint(0, 2)]
        ncont = self.r.randint(1, 4)
        sidecars = self.r.sample(["metrics-exporter", "sidecar", "backup", "log-shipper",
                                  "config-reloader"], ncont - 1)
        containers = [self.container(app, image, port, datadir, extra, prefix, claims, cluster,
                                     i == 0, sidecars[i - 1] if i else None)
                      for i in range(ncont)]
        pod_labels = dict(labels)
        pod_spec = {"containers": containers}
        if self.chance(0.9):
            pod_spec["affinity"] = self.affinity(sel)
            if not pod_spec["affinity"]:
                del pod_spec["affinity"]
        if self.chance(0.8):
            pod_spec["tolerations"] = [
                {"effect": "NoSchedule", "key": "dedicated", "operator": "Equal",
                 "value": team}] + ([{"effect": "NoExecute", "key": "node.kubernetes.io/not-ready",
                                      "operator": "Exists", "tolerationSeconds": 300}]
                                    if self.chance(0.5) else [])
        if self.chance(0.5):
            pod_spec["topologySpreadConstraints"] = [{
                "labelSelector": {"matchLabels": dict(sel)}, "maxSkew": 1,
                "topologyKey": "topology.kubernetes.io/zone",
                "whenUnsatisfiable": self.pick(["ScheduleAnyway", "DoNotSchedule"])}]
        if self.chance(0.4):
            pod_spec["initContainers"] = [{
                "name": "init-permissions", "image": "docker.io/library/busybox:1.36",
                "command": ["sh", "-c", self.pick(SCRIPTS)],
                "securityContext": {"runAsUser": 0},
                "volumeMounts": [{"mountPath": datadir, "name": "data"}]}]
        if self.chance(0.6):
            pod_spec["nodeSelector"] = {"kubernetes.io/os": "linux",
                                        "topology.kubernetes.io/zone": self.pick(ZONES)}
        pod_spec["securityContext"] = {"fsGroup": 1001, "runAsUser": 1001, "runAsNonRoot": True} \
            if self.chance(0.7) else {}
        pod_spec["serviceAccountName"] = inst
        pod_spec["terminationGracePeriodSeconds"] = self.pick([30, 60, 120, 300, 3600])
        if self.chance(0.3):
            pod_spec["priorityClassName"] = self.pick(["high-priority", "system-cluster-critical"])
        vols = [{"name": "config", "configMap": {"name": inst + "-config"}}]
        if self.chance(0.5):
            vols.append({"name": "tmp", "emptyDir": self.pick([{}, {"medium": "Memory",
                                                                     "sizeLimit": "64Mi"}])})
        if cluster:
            vols[0]["configMap"]["defaultMode"] = 420
            pod_spec.update(dnsPolicy="ClusterFirst", restartPolicy="Always",
                            schedulerName="default-scheduler")
            pod_spec["serviceAccount"] = inst
        pod_spec["volumes"] = vols
        template = {"metadata": {"labels": pod_labels}, "spec": pod_spec}
        if self.chance(0.5):
            template["metadata"]["annotations"] = {"checksum/config": self.hexstr(64)}
        if cluster and self.chance(0.5):
            template["metadata"]["creationTimestamp"] = None  # written by <= 1.33 clusters

        spec = {"replicas": self.pick([1, 1, 3, 3, 3, 5, 7, 0]),
                "serviceName": svc_name, "selector": {"matchLabels": dict(sel)},
                "template": template,
                "volumeClaimTemplates": [self.claim(c, cluster) for c in claims]}
        if self.chance(0.85):
            strat = {"type": "RollingUpdate"}
            ru = {}
            if self.chance(0.6):
                ru["partition"] = self.r.randint(0, 3)
            if self.chance(0.5):
                ru["maxUnavailable"] = self.pick([1, 2, "25%", "50%"])
            if ru:
                strat["rollingUpdate"] = ru
            spec["updateStrategy"] = strat
        else:
            spec["updateStrategy"] = {"type": "OnDelete"}
        if self.chance(0.5) or cluster:
            spec["podManagementPolicy"] = self.pick(["Parallel", "OrderedReady"])
        if self.chance(0.3) or cluster:
            spec["revisionHistoryLimit"] = 10
        if self.chance(0.2):
            spec["minReadySeconds"] = self.pick([5, 10, 30])
        if self.chance(0.15):
            spec["ordinals"] = {"start": self.r.randint(0, 5)}
        if self.chance(0.4) or cluster:
            spec["persistentVolumeClaimRetentionPolicy"] = {
                "whenDeleted": self.pick(["Retain", "Delete"]),
                "whenScaled": self.pick(["Retain", "Delete"])}

        meta = {"name": inst, "namespace": ns, "labels": labels}
        ann = {}
        if self.chance(0.4):
            ann["description"] = self.words(self.r.randint(3, 25))
        if self.chance(0.3):
            ann["meta.helm.sh/release-name"] = inst
            ann["meta.helm.sh/release-namespace"] = ns
        if self.chance(0.1):
            ann["example.com/note"] = self.pick(TRICKY)
        sts = {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": meta, "spec": spec}
        if cluster:
            if self.chance(0.5):
                applied = {k: v for k, v in sts.items()}
                ann["kubectl.kubernetes.io/last-applied-configuration"] = \
                    kubeyaml.to_json(applied, 0) + "\n"
            gen = self.r.randint(1, 40)
            meta.update(creationTimestamp=self.timestamp(), generation=gen, uid=self.uid(),
                        resourceVersion=str(self.r.randint(1000, 99999999)))
            rep = spec["replicas"]
            ready = self.r.randint(0, rep)
            rev = "%s-%s" % (inst, self.hexstr(10))
            sts["status"] = {"availableReplicas": ready, "collisionCount": 0,
                             "currentReplicas": rep, "currentRevision": rev,
                             "observedGeneration": gen, "readyReplicas": ready,
                             "replicas": rep, "updateRevision": rev, "updatedReplicas": rep}
            if ready == 0:
                del sts["status"]["readyReplicas"]
        if ann:
            meta["annotations"] = ann
        return svc, sts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000, help="StatefulSets (default 1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sts-only", action="store_true", help="no Services")
    ap.add_argument("--yaml", help="write the YAML stream here")
    ap.add_argument("--json", help="write the JSON List here")
    ap.add_argument("--jsonl", help="write JSON lines here")
    ap.add_argument("--list-yaml", help="write the List in kubectl YAML here")
    args = ap.parse_args(argv)

    g = Gen(args.seed)
    docs = []
    for i in range(args.count):
        svc, sts = g.pair(i)
        if not args.sts_only:
            docs.append(svc)
        docs.append(sts)

    def write(path, text):
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)

    if args.yaml:
        write(args.yaml, "".join("---\n" + kubeyaml.to_yaml(d) for d in docs))
    lst = {"apiVersion": "v1", "items": docs, "kind": "List", "metadata": {"resourceVersion": ""}}
    if args.json:
        write(args.json, kubeyaml.to_json(lst) + "\n")
    if args.jsonl:
        write(args.jsonl, "".join(kubeyaml.to_json(d, 0) + "\n" for d in docs))
    if args.list_yaml:
        write(args.list_yaml, kubeyaml.to_yaml(lst))
    return 0


if __name__ == "__main__":
    sys.exit(main())
