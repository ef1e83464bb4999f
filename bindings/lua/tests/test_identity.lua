-- Identity and DNS: names, ordinals, rendered Pods and PVCs, naming checks,
-- cluster DNS records. Expected values: statefulset-spec.md §2-3 and
-- test-scenarios.md S01-S12, S74-S77 (Kubernetes' controller, the DNS
-- spec, CoreDNS defaults), over the nginx example of the StatefulSet docs
-- (data/tutorial.yaml: Service nginx, StatefulSet web, 3 replicas, claim www).
local sts = require "statefulset"
local H = require "helpers"

local function tutorial()
  local objs = H.load("tutorial.yaml")
  return objs[2], objs[1], objs
end

local function names(t)
  local out = {}
  for i, v in ipairs(t) do out[i] = v end
  return out
end

local function same(a, b) return H.equal(names(a), names(b)) end

local function load1(text) return assert(sts.load(text))[1] end

H.case("S01 parse_pod_name", function()
  local cases = {
    { "foo-1", "foo", 1 }, { "1-bar", "", -1 }, { "my-web-app-12", "my-web-app", 12 },
    { "web-3-4", "web-3", 4 }, { "web-007", "web", 7 }, { "web-", "", -1 }, { "web", "", -1 },
    { "web-2147483647", "web", 2147483647 }, { "web-2147483648", "web", -1 },
    { "web-99999999999", "web", -1 }, { "-5", "", 5 }, { "", "", -1 },
  }
  for _, c in ipairs(cases) do
    local parent, ord = sts.parse_pod_name(c[1])
    assert(parent == c[2] and ord == c[3] and math.type(ord) == "integer",
           c[1] .. ": got " .. tostring(parent) .. ", " .. tostring(ord))
  end
  H.raises("string expected", sts.parse_pod_name, {})
end)

H.case("plain names", function()
  assert(sts.pod_name("web", 12) == "web-12")
  assert(sts.claim_name("www", "web", 2) == "www-web-2")
  H.raises("int32", sts.pod_name, "web", 2 ^ 40 // 1)
  H.raises("number expected", sts.claim_name, "www", "web")
end)

H.case("tutorial identities: web-0..2, www-web-N, FQDNs", function()
  local set = tutorial()
  local start, count = set:ordinals()
  assert(start == 0 and count == 3)
  assert(same(set:pod_names(), { "web-0", "web-1", "web-2" }))
  assert(sts.is_array(set:pod_names()))
  assert(set:pod_name(1) == "web-1")
  assert(set:effective_namespace() == "default")
  assert(set:effective_namespace{ namespace = "prod" } == "prod")
  for ord = 0, 2 do
    assert(set:pod_fqdn(ord) == ("web-%d.nginx.default.svc.cluster.local"):format(ord))
    assert(same(set:claim_names(ord), { "www-web-" .. ord }))
  end
  assert(set:pod_fqdn(1, { namespace = "prod", cluster_domain = "example.org" })
         == "web-1.nginx.prod.svc.example.org")
  local pods = set:pods()
  assert(#pods == 3)
  for i, p in ipairs(pods) do
    local ord = i - 1
    assert(H.equal(p, {
      statefulSet = "web", namespace = "default", ordinal = ord,
      name = "web-" .. ord, hostname = "web-" .. ord, subdomain = "nginx",
      fqdn = ("web-%d.nginx.default.svc.cluster.local"):format(ord),
      claims = sts.array{ "www-web-" .. ord },
    }), "identity " .. ord)
  end
  local prod = set:pods{ namespace = "prod", cluster_domain = "example.org" }
  assert(prod[3].namespace == "prod" and prod[3].fqdn == "web-2.nginx.prod.svc.example.org")
end)

H.case("start ordinal 5, replicas 0, replicas absent", function()
  local set = tutorial()
  assert(set:set_ordinals_start(5))
  local start, count = set:ordinals()
  assert(start == 5 and count == 3)
  assert(same(set:pod_names(), { "web-5", "web-6", "web-7" }))
  local pods = set:pods()
  assert(pods[1].ordinal == 5 and pods[3].name == "web-7")
  assert(same(pods[3].claims, { "www-web-7" }))
  assert(set:pod_fqdn(7) == "web-7.nginx.default.svc.cluster.local")

  assert(set:set_replicas(0))
  start, count = set:ordinals()
  assert(start == 5 and count == 0)
  assert(#set:pod_names() == 0 and #set:pods() == 0)

  -- absent replicas: the API default 1; no serviceName: no subdomain, no FQDN
  local d = load1("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: d}\nspec: {}\n")
  start, count = d:ordinals()
  assert(start == 0 and count == 1)
  assert(d:pod_fqdn(0) == nil)
  local p = d:pods()[1]
  assert(p.name == "d-0" and p.hostname == "d-0" and p.subdomain == nil and p.fqdn == nil)
  assert(#p.claims == 0 and sts.is_array(p.claims))
end)

H.case("S07 render_pod", function()
  local set = tutorial()
  assert(set:set("metadata.uid", "test"))
  local pod = assert(set:render_pod(0, { revision = "web-6cdf689c4c" }))
  assert(pod.kind == "Pod" and pod.api_version == "v1")
  assert(pod.name == "web-0" and pod.namespace == "default")
  assert(H.equal(pod:labels(), sts.map{
    app = "nginx",
    ["statefulset.kubernetes.io/pod-name"] = "web-0",
    ["apps.kubernetes.io/pod-index"] = "0",
    ["controller-revision-hash"] = "web-6cdf689c4c",
  }))
  assert(H.equal(pod:get("metadata.ownerReferences"), sts.array{ sts.map{
    apiVersion = "apps/v1", kind = "StatefulSet", name = "web", uid = "test",
    controller = true, blockOwnerDeletion = true,
  } }))
  assert(pod:hostname() == "web-0" and pod:subdomain() == "nginx")
  assert(H.equal(pod:get("spec.volumes"), sts.array{ sts.map{
    name = "www",
    persistentVolumeClaim = sts.map{ claimName = "www-web-0", readOnly = false },
  } }))
  assert(pod:get("spec.containers[0].image") == "registry.k8s.io/nginx-slim:0.24")
  assert(pod:get("spec.terminationGracePeriodSeconds") == 10)
  assert(set:is_member(pod))
  -- usable like any loaded object
  local yaml = pod:to_yaml()
  assert(yaml:find("claimName: www-web-0", 1, true))
  local back = load1(yaml)
  assert(back.name == "web-0" and set:is_member(back))
  assert(pod:set_label("x", "y") and pod:label("x") == "y")
  assert(pod:check())

  -- options: namespace, uid; without revision no controller-revision-hash
  local p5 = assert(set:render_pod(5, { namespace = "prod", uid = "u-1" }))
  assert(p5.name == "web-5" and p5.namespace == "prod")
  assert(p5:label("apps.kubernetes.io/pod-index") == "5")
  assert(p5:label("controller-revision-hash") == nil)
  assert(p5:get("metadata.ownerReferences[0].uid") == "u-1")
end)

H.case("S02 is_member", function()
  local set = tutorial()
  local foo2 = set:clone()
  assert(foo2:set_name("web2"))
  local pod = assert(set:render_pod(1))
  assert(set:is_member(pod) and not foo2:is_member(pod))
  local other = assert(foo2:render_pod(1))
  assert(not set:is_member(other))
  -- by name only: web-3-4 belongs to a set named web-3
  local p = sts.new("Pod", "web-3-4")
  assert(not set:is_member(p))
  H.raises("statefulset.Object expected", set.is_member, set, "web-0")
end)

H.case("render_claims: tutorial PVCs", function()
  local set = tutorial()
  local claims = assert(set:render_claims(1))
  assert(#claims == 1)
  local c = claims[1]
  assert(c.kind == "PersistentVolumeClaim" and c.name == "www-web-1" and c.namespace == "default")
  -- no template labels: the selector's matchLabels
  assert(H.equal(c:labels(), sts.map{ app = "nginx" }))
  assert(c:get("spec.storageClassName") == "my-storage-class")
  assert(H.equal(c:get("spec.accessModes"), sts.array{ "ReadWriteOnce" }))
  assert(c:get("spec.resources.requests.storage") == "1Gi")
  assert(c:to_json():find('"www-web-1"', 1, true))
  -- a set without templates renders no claims
  local d = load1("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: d}\nspec: {}\n")
  assert(#assert(d:render_claims(0)) == 0)
end)

H.case("S08 claim labels: merged, the selector wins", function()
  local cases = {
    { "{}", "", nil },
    { "{matchLabels: {test: test}}", "", { test = "test" } },
    { "{matchLabels: {name: foo}}", ", labels: {test: test}", { test = "test", name = "foo" } },
    { "{matchLabels: {test: foo}}", ", labels: {test: test}", { test = "foo" } },
  }
  for i, c in ipairs(cases) do
    local set = load1(("apiVersion: apps/v1\nkind: StatefulSet\n" ..
      "metadata: {name: foo, namespace: default}\nspec:\n  replicas: 1\n  selector: %s\n" ..
      "  volumeClaimTemplates: [{metadata: {name: datadir%s}, " ..
      "spec: {resources: {requests: {storage: 1}}}}]\n"):format(c[1], c[2]))
    local claim = assert(set:render_claims(0))[1]
    assert(claim.name == "datadir-foo-0" and claim.namespace == "default")
    local want = c[3] and sts.map(c[3]) or nil
    assert(H.equal(claim:labels(), want), "case " .. i)
    assert(claim:get("spec.resources.requests.storage") == 1)
  end
end)

H.case("rendered objects outlive the set, its load and its registry", function()
  local reg = sts.registry()
  local objs = assert(reg:load(H.read("tutorial.yaml")))
  local set = objs[2]
  local pod = assert(set:render_pod(2))
  local claims = assert(set:render_claims(2))
  reg:close()
  -- rendering and cloning still work with the registry closed
  local pod0 = assert(set:render_pod(0))
  local claims0 = assert(set:render_claims(0))
  local copy = assert(set:clone())
  assert(pod0:registry() == reg and claims0[1]:registry() == reg)
  for _, o in ipairs(objs) do o:close() end
  objs, set = nil, nil
  collectgarbage("collect")
  collectgarbage("collect")
  assert(pod:to_yaml():find("www-web-2", 1, true))
  assert(claims[1]:to_yaml():find("name: www-web-2", 1, true))
  assert(pod0.name == "web-0" and claims0[1].name == "www-web-0")
  assert(copy:pod_name(0) == "web-0")
  claims = nil
  collectgarbage("collect")
end)

H.case("S12 check_names: length limits", function()
  local function set_named(name, replicas)
    local text = ("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: %s}\n"):format(name)
    if replicas then text = text .. ("spec: {replicas: %d}\n"):format(replicas) end
    return load1(text)
  end
  local set = tutorial()
  local ok = set:check_names()
  assert(#ok == 0 and sts.is_array(ok))
  -- 61 characters: <61>-9 is 63 characters, <61>-10 is 64
  assert(#set_named(("a"):rep(61), 10):check_names{ revision = "x" } == 0)
  local p = set_named(("a"):rep(61), 11):check_names{ revision = "x" }
  assert(#p == 1)
  assert(p[1].path == "metadata.name" and p[1].code == sts.codes.STS_EVALIDATION)
  assert(p[1].name == "STS_EVALIDATION" and p[1].message:find("63", 1, true))
  assert(tostring(p[1]) == p[1].text)
  -- 52 is always safe; 53 only with a short enough revision hash
  assert(#set_named(("b"):rep(52)):check_names() == 0)
  local c53 = ("c"):rep(53)
  assert(#set_named(c53):check_names() == 1)
  assert(#set_named(c53):check_names{ revision = c53 .. "-59b8f57" } == 0)
  assert(#set_named(c53):check_names{ revision = c53 .. "-6cdf689c4c" } == 1)
end)

H.case("S11 check_claim_collisions", function()
  local text = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x-y}\n" ..
    "spec: {replicas: 1, volumeClaimTemplates: [{metadata: {name: data}}]}\n---\n" ..
    "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: \"y\"}\n" ..
    "spec: {replicas: 2, volumeClaimTemplates: [{metadata: {name: data-x}}]}\n---\n" ..
    "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: \"y\", namespace: other}\n" ..
    "spec: {replicas: 2, volumeClaimTemplates: [{metadata: {name: data-x}}]}\n"
  local objs = assert(sts.load(text))
  -- the whole load (borrowed as it is)
  local p = sts.check_claim_collisions(objs)
  assert(#p == 1 and p[1].message:find("data-x-y-0", 1, true), tostring(p[1]))
  -- a subset: the library sees exactly those objects
  assert(#sts.check_claim_collisions{ objs[1], objs[3] } == 0)
  assert(#sts.check_claim_collisions{ objs[2], objs[1] } == 1)
  -- objects of different loads together
  local again = assert(sts.load(text))
  assert(#sts.check_claim_collisions{ objs[1], again[2] } == 1)
  assert(#sts.check_claim_collisions{} == 0)
  H.raises("objects[2] is not an open statefulset object", sts.check_claim_collisions,
           { objs[1], "y" })
  again[2]:close()
  H.raises("closed", sts.check_claim_collisions, { objs[1], again[2] })
  H.raises("must be an array", sts.check_claim_collisions, "x")
end)

H.case("failures and argument errors", function()
  local set, svc = tutorial()
  local v, msg, err = set:render_pod(-1)
  assert(v == nil and type(msg) == "string" and err.name == "STS_ERANGE")
  v, msg, err = svc:ordinals()
  assert(v == nil and err.code == sts.codes.STS_EINVAL, msg)
  v, msg, err = svc:pod_names()
  assert(v == nil and err.code == sts.codes.STS_EINVAL)
  v, msg, err = svc:claim_names(0)
  assert(v == nil and err.code == sts.codes.STS_EINVAL)
  v, msg, err = svc:dns_records()
  assert(v == nil and err.code == sts.codes.STS_EINVAL)
  assert(not svc:is_member(set))
  -- replicas beyond the int32 ordinal range
  local big = load1("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: b}\n" ..
                    "spec: {replicas: 2147483647, ordinals: {start: 5}}\n")
  v, msg, err = big:pods()
  assert(v == nil and err.name == "STS_ERANGE", msg)
  H.raises("unknown option 'namesapce'", set.pods, set, { namesapce = "x" })
  H.raises("option 'revision' must be a string", set.render_pod, set, 0, { revision = 1 })
  H.raises("number expected", set.render_pod, set, "zero")
  H.raises("int32", set.pod_fqdn, set, 2 ^ 31 // 1)
  H.raises("unknown option 'zone'", set.dns_records, set, { zone = true })
  H.raises("option 'ttl' must be a non-negative integer", set.dns_records, set, { ttl = -1 })
  H.raises("option 'service' must be an open statefulset object", set.dns_records, set,
           { service = "nginx" })
  local closed = set:clone()
  closed:close()
  H.raises("closed", closed.render_pod, closed, 0)
  H.raises("closed", set.is_member, set, closed)
end)

-- ---- DNS ---------------------------------------------------------------------

-- "TYPE name data" lines, sorted: the spec fixes the records, not their order.
local function lines(result)
  local out = {}
  for _, r in ipairs(result.records) do out[#out + 1] = r.type .. " " .. r.name .. " " .. r.data end
  table.sort(out)
  return out
end

local function sorted(t) table.sort(t); return t end

-- A rendered pod with the status the kubelet would report.
local function running(set, ord, ip, ready)
  local pod = assert(set:render_pod(ord))
  assert(pod:set("status", {
    phase = "Running", podIP = ip, podIPs = { { ip = ip } },
    conditions = { { type = "Ready", status = ready and "True" or "False" } },
  }))
  return pod
end

local SVC = "nginx.default.svc.cluster.local."
local SRV = "_web._tcp.nginx.default.svc.cluster.local."

H.case("tutorial DNS prediction without pods", function()
  local set, _, objs = tutorial()
  local r = assert(set:dns_records{ objects = objs })
  assert(r.service_fqdn == "nginx.default.svc.cluster.local")
  assert(#r.problems == 0)
  local a, srv, ptr = {}, {}, 0
  for _, rec in ipairs(r.records) do
    assert(rec.ttl == 5) -- CoreDNS default
    if rec.type == "A" then a[#a + 1] = rec.name; assert(rec.data == "") end
    if rec.type == "SRV" then
      assert(rec.name == SRV)
      srv[#srv + 1] = rec.data
    end
    if rec.type == "PTR" then ptr = ptr + 1 end
  end
  assert(H.equal(sorted(a), sorted{ SVC, SVC, SVC,
    "web-0.nginx.default.svc.cluster.local.", "web-1.nginx.default.svc.cluster.local.",
    "web-2.nginx.default.svc.cluster.local." }))
  -- priority 0, weight floor(100/3), port 80
  assert(H.equal(sorted(srv), {
    "0 33 80 web-0.nginx.default.svc.cluster.local.",
    "0 33 80 web-1.nginx.default.svc.cluster.local.",
    "0 33 80 web-2.nginx.default.svc.cluster.local." }))
  assert(ptr == 0) -- no addresses, no reverse names
  local zone = assert(r:zone())
  assert(zone:find("$ORIGIN nginx.default.svc.cluster.local.\n$TTL 5\n", 1, true), zone)
  assert(zone:find(SRV .. " 5 IN SRV 0 33 80 web-1.nginx.default.svc.cluster.local.\n", 1, true))
  -- the Service passed explicitly, other zone and TTL
  local _, svc = tutorial()
  r = assert(set:dns_records{ service = svc, cluster_domain = "example.org", ttl = 30 })
  assert(r.service_fqdn == "nginx.default.svc.example.org")
  assert(r.records[1].ttl == 30)
  assert(r:zone():find("$TTL 30\n", 1, true))
end)

H.case("S74 records for ready pods", function()
  local set, svc = tutorial()
  assert(set:set_replicas(2))
  local objs = { svc, set, running(set, 0, "10.0.0.10", true), running(set, 1, "10.0.0.11", true) }
  local r = assert(set:dns_records{ objects = objs })
  assert(H.equal(lines(r), sorted{
    "A " .. SVC .. " 10.0.0.10",
    "A " .. SVC .. " 10.0.0.11",
    "A web-0.nginx.default.svc.cluster.local. 10.0.0.10",
    "A web-1.nginx.default.svc.cluster.local. 10.0.0.11",
    "SRV " .. SRV .. " 0 50 80 web-0.nginx.default.svc.cluster.local.",
    "SRV " .. SRV .. " 0 50 80 web-1.nginx.default.svc.cluster.local.",
    "PTR 10.0.0.10.in-addr.arpa. web-0.nginx.default.svc.cluster.local.",
    "PTR 11.0.0.10.in-addr.arpa. web-1.nginx.default.svc.cluster.local.",
  }), table.concat(lines(r), "\n"))
  assert(#r.problems == 0)
  for _, rec in ipairs(r.records) do
    if rec.name:find("^web%-1%.") then assert(rec.pod == "web-1") end
    if rec.name == SVC then assert(rec.pod ~= nil) end
  end
end)

H.case("S75 unready pods and publishNotReadyAddresses", function()
  local set, svc = tutorial()
  assert(set:set_replicas(2))
  local p0, p1 = running(set, 0, "10.0.0.10", true), running(set, 1, "10.0.0.11", false)
  local r = assert(set:dns_records{ objects = { svc, set, p0, p1 } })
  assert(H.equal(lines(r), sorted{
    "A " .. SVC .. " 10.0.0.10",
    "A web-0.nginx.default.svc.cluster.local. 10.0.0.10",
    "SRV " .. SRV .. " 0 100 80 web-0.nginx.default.svc.cluster.local.",
    "PTR 10.0.0.10.in-addr.arpa. web-0.nginx.default.svc.cluster.local.",
  }), table.concat(lines(r), "\n"))
  local explained = false
  for _, p in ipairs(r.problems) do
    assert(p.code and p.name and p.message)
    explained = explained or p.message:find("web-1", 1, true) ~= nil
  end
  assert(explained, "the unready pod is explained")

  -- publishNotReadyAddresses: web-1 is published as in S74
  assert(svc:set("spec.publishNotReadyAddresses", true))
  r = assert(set:dns_records{ objects = { svc, set, p0, p1 } })
  local l = lines(r)
  assert(#l == 8 and #r.problems == 0, table.concat(l, "\n"))
  local found = false
  for _, line in ipairs(l) do
    found = found or line == "A web-1.nginx.default.svc.cluster.local. 10.0.0.11"
  end
  assert(found)

  -- both unready, flag false: no service name answer (NXDOMAIN)
  assert(svc:set("spec.publishNotReadyAddresses", false))
  r = assert(set:dns_records{
    objects = { svc, set, running(set, 0, "10.0.0.10", false), p1 } })
  for _, rec in ipairs(r.records) do assert(rec.name ~= SVC, rec.name) end
  assert(#r.problems >= 2)
end)

H.case("S76 hostname only when the subdomain matches; S77 unnamed ports", function()
  local set, svc = tutorial()
  assert(set:set_replicas(1))
  local p0 = running(set, 0, "10.0.0.10", true)
  assert(p0:set("spec.subdomain", "other"))
  local r = assert(set:dns_records{ objects = { svc, p0 } })
  for _, rec in ipairs(r.records) do assert(not rec.name:find("web-0.nginx", 1, true)) end
  local l = lines(r)
  local dashed = false
  for _, line in ipairs(l) do
    dashed = dashed or line == "A 10-0-0-10.nginx.default.svc.cluster.local. 10.0.0.10"
  end
  assert(dashed, table.concat(l, "\n"))
  assert(#r.problems >= 1)

  -- S77: a port without a name gets no SRV records
  local _, svc2 = tutorial()
  assert(svc2:remove("spec.ports[0].name"))
  r = assert(set:dns_records{ service = svc2 })
  for _, rec in ipairs(r.records) do assert(rec.type ~= "SRV") end
  local why = false
  for _, p in ipairs(r.problems) do why = why or p.message:find("no name", 1, true) ~= nil end
  assert(why)
end)

H.case("missing DNS is explained, with field paths", function()
  local set = tutorial()
  local r = assert(set:dns_records())
  assert(#r.records == 0 and #r.problems >= 1)
  assert(r.problems[1].message:find("nginx", 1, true))
  assert(tostring(r.problems[1]) == r.problems[1].text)
  local d = load1("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: d}\nspec: {}\n")
  r = assert(d:dns_records())
  assert(r.service_fqdn == "" and #r.records == 0)
  assert(r.problems[1].path == "spec.serviceName", tostring(r.problems[1].path))
end)

H.case("DNS results outlive their inputs", function()
  local results = {}
  for i = 1, 20 do
    local set, svc = tutorial()
    local pod = running(set, 0, "10.0.0." .. i, true)
    results[i] = assert(set:dns_records{ objects = { svc, set, pod } })
    if i % 2 == 0 then set:close(); svc:close(); pod:close() end
  end
  collectgarbage("collect")
  collectgarbage("collect")
  for i, r in ipairs(results) do
    local zone = assert(r:zone())
    assert(zone:find("web-0.nginx.default.svc.cluster.local. 5 IN A 10.0.0." .. i .. "\n", 1, true),
           zone)
  end
end)

H.done()
