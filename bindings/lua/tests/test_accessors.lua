-- Typed accessors over the tutorial fixture and friends.
local sts = require "statefulset"
local H = require "helpers"

local function web()
  local objs = H.load("web.yaml")
  return objs[2], objs[1]
end

H.case("StatefulSet spec accessors", function()
  local set = web()
  assert(set:replicas() == 3 and math.type(set:replicas()) == "integer")
  assert(set:service_name() == "nginx")
  assert(set:pod_management_policy() == "Parallel")
  assert(set:update_strategy_type() == "RollingUpdate")
  assert(set:partition() == 1)
  assert(set:max_unavailable() == "25%")
  assert(set:revision_history_limit() == nil)
  assert(set:min_ready_seconds() == 10)
  assert(set:ordinals_start() == 5)
  assert(set:pvc_when_deleted() == "Delete")
  assert(set:pvc_when_scaled() == "Retain")
  local ret = set:pvc_retention()
  assert(ret.whenDeleted == "Delete" and ret.whenScaled == "Retain")
  assert(H.load("status.yaml")[1]:pvc_retention() == nil)
  assert(H.equal(set:selector(), sts.map({ matchLabels = sts.map({ app = "nginx" }) })))
  local tpl = set:template()
  assert(tpl.spec.containers[1].image == "registry.k8s.io/nginx-slim:0.24")
  local vcts = set:volume_claim_templates()
  assert(#vcts == 1 and vcts[1].metadata.name == "www")
  assert(sts.is_array(vcts))
  assert(set:annotation("example.com/owner") == "team-a")
  assert(set:annotation("missing") == nil)
  assert(set:label("app") == nil)
end)

H.case("replicas: 0 is not absent", function()
  local zero = assert(sts.load("apiVersion: apps/v1\nkind: StatefulSet\n" ..
                               "metadata: {name: z}\nspec: {replicas: 0}\n"))[1]
  local v, msg = zero:replicas()
  assert(v == 0 and msg == nil)
  local absent = assert(sts.load("apiVersion: apps/v1\nkind: StatefulSet\n" ..
                                 "metadata: {name: a}\nspec: {}\n"))[1]
  local w, msg2, err = absent:replicas()
  assert(w == nil and msg2 == nil and err == nil)
  -- and they are written differently
  assert(zero:to_json():find('"replicas"', 1, true))
  assert(not absent:to_json():find('"replicas"', 1, true))
  assert(absent:set_replicas(0))
  assert(absent:replicas() == 0)
  assert(absent:to_json():find('"replicas"', 1, true))
end)

H.case("setters change one field and keep unknown fields", function()
  local set = web()
  local before = set:to_table()
  assert(set:set_replicas(5) == true)
  assert(set:set_partition(2))
  assert(set:set_max_unavailable(2))
  assert(set:set_service_name("nginx-headless"))
  assert(set:set_pod_management_policy("OrderedReady"))
  assert(set:set_update_strategy_type("RollingUpdate"))
  assert(set:set_revision_history_limit(7))
  assert(set:set_min_ready_seconds(0))
  assert(set:set_ordinals_start(0))
  assert(set:set_pvc_when_deleted("Retain"))
  assert(set:set_pvc_when_scaled("Delete"))
  assert(set:replicas() == 5 and set:partition() == 2 and set:max_unavailable() == 2)
  assert(set:revision_history_limit() == 7 and set:min_ready_seconds() == 0)
  assert(set:pvc_when_deleted() == "Retain" and set:pvc_when_scaled() == "Delete")
  local after = set:to_table()
  -- the unknown field and everything not set survive
  assert(H.equal(after.spec.futureField, before.spec.futureField))
  assert(H.equal(after.spec.template, before.spec.template))
  assert(H.equal(after.spec.volumeClaimTemplates, before.spec.volumeClaimTemplates))
  assert(H.equal(after.metadata, before.metadata))
  -- and survive a trip through text
  local back = assert(sts.load(set:to_yaml()))[1]
  assert(H.equal(back:to_table(), after))
  assert(back:get("spec.futureField.keep[1]") == "too")
  -- key order is kept: replicas stays between serviceName and minReadySeconds
  local y = set:to_yaml()
  local p1, p2, p3 = y:find("serviceName:", 1, true), y:find("replicas:", 1, true),
                     y:find("minReadySeconds:", 1, true)
  assert(p1 and p2 and p3 and p1 < p2 and p2 < p3, y)
end)

H.case("maxUnavailable as int or percentage", function()
  local set = web()
  assert(set:set_max_unavailable("50%"))
  assert(set:max_unavailable() == "50%")
  assert(set:get("spec.updateStrategy.rollingUpdate.maxUnavailable") == "50%")
  assert(set:set_max_unavailable(1))
  assert(set:get("spec.updateStrategy.rollingUpdate.maxUnavailable") == 1)
  H.raises("integer or", set.set_max_unavailable, set, "half")
  H.raises("integer or", set.set_max_unavailable, set, "5%x")
end)

H.case("setter argument errors raise", function()
  local set = web()
  H.raises("number expected", set.set_replicas, set, "three")
  H.raises("int32", set.set_replicas, set, 1 << 40)
  H.raises("string expected", set.set_service_name, set, {})
  H.raises("closed", sts.Object.replicas, (function() local o = web(); o:close(); return o end)())
end)

H.case("StatefulSet status", function()
  local set = H.load("status.yaml")[1]
  assert(set:replicas() == 0)
  assert(set:status_replicas() == 2 and set:ready_replicas() == 1)
  assert(set:current_replicas() == 1 and set:updated_replicas() == 1)
  assert(set:available_replicas() == 1 and set:observed_generation() == 4)
  assert(set:collision_count() == 0)
  assert(set:current_revision() == "web-6d8f9c7b5d")
  assert(set:update_revision() == "web-7c9b8d6f4e")
  local st = assert(set:status())
  assert(st.ready_replicas == 1 and st.update_revision == "web-7c9b8d6f4e")
  -- no status at all
  local fresh = web()
  assert(fresh:ready_replicas() == nil)
  assert(next(assert(fresh:status())) == nil)
end)

H.case("Service accessors", function()
  local _, svc = web()
  assert(svc:cluster_ip() == "None")
  assert(svc:is_headless() == true)
  assert(svc:publish_not_ready_addresses() == nil)
  local ports = svc:ports()
  assert(#ports == 1 and ports[1].port == 80 and ports[1].name == "web")
  assert(H.equal(svc:selector(), sts.map({ app = "nginx" })))
  local other = H.load("list.yaml")[1]
  assert(other:cluster_ip() == "10.96.0.12" and other:is_headless() == false)
  assert(other:publish_not_ready_addresses() == true)
  assert(other:ports()[1].name == nil)
end)

H.case("Pod accessors", function()
  local pod = H.load("pod.yaml")[1]
  assert(pod:phase() == "Running" and pod:hostname() == "web-0")
  assert(pod:subdomain() == "nginx" and pod:ready() == true)
  assert(pod:deletion_timestamp() == nil)
  assert(pod:label("statefulset.kubernetes.io/pod-name") == "web-0")
  local pending = H.load("list.yaml")[2]
  assert(pending:phase() == "Pending" and pending:ready() == false)
end)

H.case("labels, annotations, name, namespace", function()
  local pod = H.load("pod.yaml")[1]
  assert(pod:set_name("web-9") and pod.name == "web-9")
  assert(pod:set_namespace("prod") and pod.namespace == "prod")
  assert(pod:set_label("tier", "web"))
  assert(pod:label("tier") == "web")
  assert(pod:labels().tier == "web" and pod:labels().app == "nginx")
  assert(pod:set_annotation("note", "x"))
  assert(pod:annotations().note == "x")
end)

H.case("kind-specific accessors on another kind fail softly", function()
  local _, svc = web()
  local v, msg, err = svc:replicas()
  assert(v == nil and type(msg) == "string" and err.name == "STS_EINVAL", msg)
  assert(err.code == sts.codes.STS_EINVAL)
  local ok, msg2, err2 = svc:set_replicas(1)
  assert(ok == nil and msg2 and err2.code == sts.codes.STS_EINVAL)
end)

H.case("properties are read-only", function()
  local set = web()
  H.raises("no assignable fields", function() set.name = "x" end)
end)

H.done()
