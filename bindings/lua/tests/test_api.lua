-- API-server behaviour: validation (create, update, status) with the
-- server's messages and kubectl's 422 text, defaulting, lint, quantities,
-- versions and gates, rollout impact.
-- Expected values: statefulset-spec.md §6-7 and test-scenarios.md S69-S73
-- (the upstream validation tests' "valid base"), J (D1-D12), S39, S41, S19;
-- kubectl's MultilineError for the 422 text; Kubernetes' canonical
-- quantities (resource.Quantity.String()); the lint rule IDs of the README.
local sts = require "statefulset"
local H = require "helpers"

-- test-scenarios.md I: the valid base of the upstream validation tests
local BASE = [[
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: abc, namespace: default}
spec:
  podManagementPolicy: OrderedReady
  selector: {matchLabels: {a: b}}
  template:
    metadata: {labels: {a: b}}
    spec:
      restartPolicy: Always
      dnsPolicy: ClusterFirst
      containers: [{name: abc, image: image, imagePullPolicy: IfNotPresent,
                    terminationMessagePolicy: File}]
  updateStrategy: {type: RollingUpdate}
  persistentVolumeClaimRetentionPolicy: {whenDeleted: Retain, whenScaled: Retain}
  replicas: 3
]]

local function base() return assert(sts.load(BASE))[1] end

-- base() changed by fn(set)
local function with(fn)
  local s = base()
  fn(s)
  return s
end

local FORBIDDEN = "spec: Forbidden: updates to statefulset spec for fields other than "
  .. "'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', "
  .. "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"

local function messages(errs)
  local t = {}
  for i, e in ipairs(errs) do t[i] = e.message end
  return t
end

-- errs holds exactly the (type, field) pairs of want, in order
local function shape(errs, want)
  local got = {}
  for i, e in ipairs(errs) do got[i] = e.type .. " " .. e.field end
  assert(#errs == #want, "got " .. #errs .. " errors: " .. table.concat(messages(errs), " | "))
  for i, w in ipairs(want) do
    assert(got[i] == w, "error " .. i .. ": got " .. got[i] .. ", want " .. w)
  end
end

-- ---- validation -------------------------------------------------------------------

H.case("S69 valid base and valid variants: empty list", function()
  local errs = base():validate()
  assert(#errs == 0 and sts.is_array(errs))
  local variants = {
    function(s) s:set("metadata.name", "abc-123") end,
    function(s) s:set("spec.podManagementPolicy", "Parallel") end,
    function(s) s:set("spec.updateStrategy", { type = "OnDelete" }) end,
    function(s) s:set("spec.updateStrategy.rollingUpdate", { partition = 2 }) end,
    function(s) s:set("spec.replicas", 0) end,
    function(s) s:set("spec.minReadySeconds", 2147483647) end,
    function(s) s:set("spec.ordinals", { start = 2 }) end,
    function(s) s:set("spec.updateStrategy.rollingUpdate", { maxUnavailable = "100%" }) end,
    function(s) s:set("spec.persistentVolumeClaimRetentionPolicy",
                      { whenDeleted = "Delete", whenScaled = "Retain" }) end,
  }
  for i, fn in ipairs(variants) do
    local errs = with(fn):validate()
    assert(#errs == 0, "variant " .. i .. ": " .. table.concat(messages(errs), " | "))
  end
  assert(base():assert_valid() ~= nil)
end)

H.case("S70 rows: type, field, value, detail, message", function()
  local e = with(function(s) s:set("spec.replicas", -1) end):validate()
  shape(e, { "Invalid value spec.replicas" })
  e = e[1]
  assert(e.value == "-1" and e.detail == "must be greater than or equal to 0")
  assert(e.message == "spec.replicas: Invalid value: -1: must be greater than or equal to 0")
  assert(e.path == "spec.replicas" and e.code == sts.codes.STS_EVALIDATION)
  assert(e.name == "STS_EVALIDATION")

  e = with(function(s) s:set("metadata.name", ("a"):rep(64)) end):validate()
  shape(e, { "Invalid value metadata.name" })
  assert(e[1].message == 'metadata.name: Invalid value: "' .. ("a"):rep(64)
         .. '": must be no more than 63 characters')

  -- dots: "must not contain dots" in newer releases, else the RFC 1123 label message
  e = with(function(s) s:set("metadata.name", "abc.123") end):validate()
  shape(e, { "Invalid value metadata.name" })
  assert(e[1].value == '"abc.123"')
  assert(e[1].detail == "must not contain dots" or e[1].detail:find("RFC 1123 label", 1, true))

  e = with(function(s) s:set("metadata.name", "") end):validate()
  shape(e, { "Required value metadata.name" })
  assert(e[1].message == "metadata.name: Required value: name or generateName is required")
  assert(e[1].value == nil)

  e = with(function(s) s:set("metadata.namespace", "") end):validate()
  assert(H.equal(messages(e), { "metadata.namespace: Required value" }))

  -- a nil selector yields two errors
  e = with(function(s) s:remove("spec.selector") end):validate()
  shape(e, { "Required value spec.selector", "Invalid value spec.template.metadata.labels" })
  assert(e[2].detail == "`selector` does not match template `labels`")

  e = with(function(s) s:set("spec.selector", sts.map()) end):validate()
  shape(e, { "Invalid value spec.selector" })
  assert(e[1].detail == "empty selector is invalid for statefulset")

  e = with(function(s) s:set("spec.template.spec.restartPolicy", "OnFailure") end):validate()
  assert(H.equal(messages(e), { 'spec.template.spec.restartPolicy: Unsupported value: '
                                .. '"OnFailure": supported values: "Always"' }))
  assert(e[1].type == "Unsupported value")

  e = with(function(s) s:set("spec.template.spec.activeDeadlineSeconds", 10) end):validate()
  assert(H.equal(messages(e), { "spec.template.spec.activeDeadlineSeconds: Forbidden: "
                                .. "activeDeadlineSeconds in StatefulSet is not Supported" }))

  e = with(function(s) s:set("spec.podManagementPolicy", "foo") end):validate()
  assert(H.equal(messages(e), { 'spec.podManagementPolicy: Invalid value: "foo": '
                                .. "must be 'OrderedReady' or 'Parallel'" }))

  e = with(function(s) s:set("spec.updateStrategy.type", "foo") end):validate()
  shape(e, { "Invalid value spec.updateStrategy" })
  assert(e[1].detail == "must be 'RollingUpdate' or 'OnDelete'")

  e = with(function(s)
    s:set("spec.updateStrategy", { type = "OnDelete", rollingUpdate = { partition = 1 } })
  end):validate()
  shape(e, { "Invalid value spec.updateStrategy.rollingUpdate" })
  assert(e[1].detail == "only allowed for updateStrategy 'RollingUpdate'")

  e = with(function(s)
    s:set("spec.persistentVolumeClaimRetentionPolicy",
          { whenDeleted = "invalid policy", whenScaled = "invalid policy" })
  end):validate()
  assert(H.equal(messages(e), {
    'spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: '
      .. '"invalid policy": supported values: "Retain", "Delete"',
    'spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: '
      .. '"invalid policy": supported values: "Retain", "Delete"' }))

  local MU = "Invalid value spec.updateStrategy.rollingUpdate.maxUnavailable"
  for _, c in ipairs { { 0, { "cannot be 0" } }, { "0%", { "cannot be 0" } },
                       { "101%", { "must not be greater than 100%" } },
                       { "abc", { "a valid percent string must be a numeric string followed by "
                                  .. "an ending '%' (e.g. '1%',  or '93%', regex used for "
                                  .. "validation is '[0-9]+%')", "cannot be 0" } } } do
    e = with(function(s) s:set("spec.updateStrategy.rollingUpdate", { maxUnavailable = c[1] }) end)
        :validate()
    local want = {}
    for i in ipairs(c[2]) do want[i] = MU end
    shape(e, want)
    for i, d in ipairs(c[2]) do assert(e[i].detail == d, tostring(c[1]) .. ": " .. e[i].detail) end
  end

  e = with(function(s) s:set("spec.ordinals", { start = -2 }) end):validate()
  assert(H.equal(messages(e), { "spec.ordinals.start: Invalid value: -2: "
                                .. "must be greater than or equal to 0" }))
  e = with(function(s) s:set("spec.minReadySeconds", -1) end):validate()
  shape(e, { "Invalid value spec.minReadySeconds" })
end)

H.case("S70 Required rows need no_defaulting (defaults fill them first)", function()
  local s = with(function(s) s:set("spec.podManagementPolicy", "") end)
  assert(#s:validate() == 0) -- "" is defaulted to OrderedReady
  assert(H.equal(messages(s:validate { no_defaulting = true }),
                 { "spec.podManagementPolicy: Required value" }))
  s = with(function(s) s:set("spec.updateStrategy.type", "") end)
  assert(H.equal(messages(s:validate { no_defaulting = true }),
                 { "spec.updateStrategy: Required value" }))
end)

H.case("kubectl 422 text: one error inline, several as a list", function()
  local s = with(function(s) s:set("spec.replicas", -1) end)
  local ok, msg, err = s:assert_valid()
  assert(ok == nil)
  assert(msg == 'The StatefulSet "abc" is invalid: spec.replicas: Invalid value: -1: '
         .. "must be greater than or equal to 0\n", msg)
  assert(err.text == msg and tostring(err) == msg)
  assert(err.code == sts.codes.STS_EVALIDATION and #err.errors == 1)
  assert(err.errors[1].field == "spec.replicas")
  assert(sts.validation_text(s, s:validate()) == msg)

  s = with(function(s)
    s:set("spec.replicas", -1)
    s:set("spec.podManagementPolicy", "foo")
  end)
  local errs = s:validate()
  local want = 'The StatefulSet "abc" is invalid: \n'
    .. "* spec.podManagementPolicy: Invalid value: \"foo\": must be 'OrderedReady' or 'Parallel'\n"
    .. "* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n"
  -- the server's order: podManagementPolicy is checked before replicas (spec §7.2)
  assert(sts.validation_text(s, errs) == want, sts.validation_text(s, errs))
  ok, msg, err = s:assert_valid()
  assert(ok == nil and msg == want and #err.errors == 2)
  -- tables built by hand (type, field, value, detail) render the same way
  local built = {
    { type = "Invalid value", field = "spec.podManagementPolicy", value = '"foo"',
      detail = "must be 'OrderedReady' or 'Parallel'" },
    { type = "Invalid value", field = "spec.replicas", value = "-1",
      detail = "must be greater than or equal to 0" },
  }
  assert(sts.validation_text(s, built) == want)
  H.raises("neither a message nor a known type", sts.validation_text, s, { { type = "Bogus" } })
  H.raises("table expected", sts.validation_text, s, "x")
end)

H.case("S72 update: forbidden spec changes, immutable name, allowed changes", function()
  local old = base()
  local function upd(fn, opts)
    local o = { old = old }
    for k, v in pairs(opts or {}) do o[k] = v end
    return with(fn):validate(o)
  end
  local e = upd(function(s)
    s:set("spec.selector.matchLabels.a", "c")
    s:set("spec.template.metadata.labels.a", "c")
  end)
  assert(H.equal(messages(e), { FORBIDDEN }))
  assert(e[1].type == "Forbidden" and e[1].field == "spec" and e[1].value == nil)
  assert(H.equal(messages(upd(function(s) s:set("spec.podManagementPolicy", "Parallel") end)),
                 { FORBIDDEN }))
  assert(H.equal(messages(upd(function(s) s:set("spec.serviceName", "other") end)), { FORBIDDEN }))
  -- before revisionHistoryLimit became mutable (1.33) the text lacks it
  local e32 = upd(function(s) s:set("spec.podManagementPolicy", "Parallel") end,
                  { kube_version = "1.32" })
  assert(e32[1].message == FORBIDDEN:gsub("'revisionHistoryLimit', ", ""), e32[1].message)
  assert(H.equal(messages(upd(function(s) s:set("metadata.name", "def") end)),
                 { 'metadata.name: Invalid value: "def": field is immutable' }))
  for _, fn in ipairs {
    function(s) s:set("spec.replicas", 5) end,
    function(s) s:set("spec.template.spec.containers[0].image", "image:2") end,
    function(s) s:set("spec.updateStrategy", { type = "OnDelete" }) end,
    function(s) s:set("spec.minReadySeconds", 5) end,
    function(s) s:set("spec.revisionHistoryLimit", 3) end,
    function(s) s:set_label("team", "x") end,
  } do
    local errs = upd(fn)
    assert(#errs == 0, table.concat(messages(errs), " | "))
  end
  -- the kubectl text of a refused apply
  local new = with(function(s) s:set("spec.serviceName", "other") end)
  local _, msg = new:assert_valid { old = old }
  assert(msg == 'The StatefulSet "abc" is invalid: ' .. FORBIDDEN .. "\n")
  H.raises("open statefulset object", new.validate, new, { old = "abc" })
end)

H.case("S73 status updates", function()
  local function st(t)
    return with(function(s) s:set("status", t) end)
  end
  local ok = st { replicas = 3, readyReplicas = 3, currentReplicas = 2, updatedReplicas = 1,
                  availableReplicas = 3, observedGeneration = 3, collisionCount = 0 }
  assert(#ok:validate { status = true } == 0)
  local e = st { replicas = 3, readyReplicas = 4 }:validate { status = true }
  assert(H.equal(messages(e), { "status.readyReplicas: Invalid value: 4: "
                                .. "cannot be greater than status.replicas" }))
  e = st { replicas = 3, readyReplicas = 2, availableReplicas = 3 }:validate { status = true }
  assert(H.equal(messages(e), { "status.availableReplicas: Invalid value: 3: "
                                .. "cannot be greater than status.readyReplicas" }))
  -- the other counters are plain int32 fields (0 when absent), and 0 > -1
  -- is reported too: the upstream test only requires an error
  e = st { replicas = -1 }:validate { status = true }
  assert(e[1].message == "status.replicas: Invalid value: -1: must be greater than or equal to 0")
  local old = st { replicas = 3, collisionCount = 5 }
  e = st { replicas = 3, collisionCount = 4 }:validate { status = true, old = old }
  assert(H.equal(messages(e), { "status.collisionCount: Invalid value: 4: cannot be decremented" }))
  assert(#st { replicas = 3, collisionCount = 6 }:validate { status = true, old = old } == 0)
  H.raises("'status' must be a boolean", ok.validate, ok, { status = "yes" })
end)

H.case("validation failures and argument errors", function()
  local svc = assert(sts.load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n"))[1]
  local r, msg, err = svc:validate()
  assert(r == nil and err.code == sts.codes.STS_EINVAL, msg)
  r, msg, err = base():validate { kube_version = "1.30" }
  assert(r == nil and err.name == "STS_EVERSION", msg)
  H.raises("unknown option 'kube_versoin'", base().validate, base(), { kube_versoin = "1.35" })
end)

H.case("lifetime: results outlive their inputs; closed objects raise", function()
  local reg = sts.registry()
  local set = assert(reg:load(BASE))[1]
  local d = assert(set:defaulted())
  reg:close()
  set:close()
  assert(d:replicas() == 3 and d:to_yaml():find("OrderedReady", 1, true))
  assert(#d:validate() == 0)
  H.raises("closed", set.validate, set)
  H.raises("closed", sts.lint, { set })
  H.raises("closed", d.validate, d, { old = set })
  local _, new = base(), base()
  local old = base()
  old:close()
  H.raises("Object expected", sts.diff, 1, new)
  H.raises("closed", sts.diff, old, new)
end)

-- ---- defaulting -------------------------------------------------------------------

-- test-scenarios.md J: the input always has a template with labels {foo: bar}
local function dset(spec_yaml)
  return assert(sts.load("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: d}\n"
    .. "spec:\n  template: {metadata: {labels: {foo: bar}}}\n" .. (spec_yaml or "")))[1]
end

H.case("D1: nothing else set (1.35: MaxUnavailableStatefulSet on)", function()
  local set = dset()
  local d = assert(set:defaulted())
  assert(d ~= set and d.kind == "StatefulSet")
  assert(d:pod_management_policy() == "OrderedReady")
  assert(H.equal(d:get("spec.updateStrategy"),
                 sts.map { type = "RollingUpdate",
                           rollingUpdate = sts.map { partition = 0, maxUnavailable = 1 } }))
  assert(d:replicas() == 1 and d:revision_history_limit() == 10)
  assert(H.equal(d:get("spec.persistentVolumeClaimRetentionPolicy"),
                 sts.map { whenDeleted = "Retain", whenScaled = "Retain" }))
  assert(d:get("spec.selector") == nil) -- apps/v1 does not default the selector
  -- the nested pod template defaults (spec §6.2)
  local p = d:get("spec.template.spec")
  assert(p.dnsPolicy == "ClusterFirst" and p.restartPolicy == "Always")
  assert(p.terminationGracePeriodSeconds == 30 and p.schedulerName == "default-scheduler")
  assert(H.equal(p.securityContext, sts.map()))
  -- the input is left alone
  assert(set:replicas() == nil and set:get("spec.updateStrategy") == nil)
  -- gate off: by release (1.34) or by override (D11)
  for _, o in ipairs { { kube_version = "1.34" },
                       { feature_gates = { MaxUnavailableStatefulSet = false } },
                       { feature_gates = "MaxUnavailableStatefulSet=false" } } do
    local d2 = assert(set:defaulted(o))
    assert(H.equal(d2:get("spec.updateStrategy"),
                   sts.map { type = "RollingUpdate", rollingUpdate = sts.map { partition = 0 } }))
  end
end)

H.case("D2-D12 rows", function()
  local function us(spec, opts) return assert(dset(spec):defaulted(opts)):get("spec.updateStrategy") end
  local off = { feature_gates = { MaxUnavailableStatefulSet = false } }
  assert(assert(dset("  podManagementPolicy: Parallel\n"):defaulted()):pod_management_policy()
         == "Parallel")                                                            -- D2
  assert(H.equal(us("  updateStrategy: {type: OnDelete}\n"), sts.map { type = "OnDelete" })) -- D3
  assert(H.equal(us("  updateStrategy: {rollingUpdate: {partition: 42}}\n", off),
                 sts.map { rollingUpdate = sts.map { partition = 42 }, type = "RollingUpdate" })) -- D4
  assert(H.equal(us("  updateStrategy: {type: RollingUpdate}\n"),
                 sts.map { type = "RollingUpdate" }))                               -- D5
  local function ret(spec)
    return assert(dset(spec):defaulted()):get("spec.persistentVolumeClaimRetentionPolicy")
  end
  assert(H.equal(ret("  persistentVolumeClaimRetentionPolicy: {whenScaled: Delete}\n"),
                 sts.map { whenScaled = "Delete", whenDeleted = "Retain" }))       -- D6
  assert(H.equal(ret("  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete}\n"),
                 sts.map { whenDeleted = "Delete", whenScaled = "Retain" }))       -- D7
  local on = { feature_gates = { MaxUnavailableStatefulSet = true } }
  assert(H.equal(us("  updateStrategy: {rollingUpdate: {}}\n", on),
                 sts.map { rollingUpdate = sts.map { partition = 0, maxUnavailable = 1 },
                           type = "RollingUpdate" }))                              -- D9
  assert(us("  updateStrategy: {rollingUpdate: {maxUnavailable: 3}}\n", on)
         .rollingUpdate.maxUnavailable == 3)                                       -- D10
  local d12 = assert(dset("  replicas: 0\n  revisionHistoryLimit: 0\n"):defaulted())
  assert(d12:replicas() == 0 and d12:revision_history_limit() == 0)                -- D12
  -- in place
  local s = dset()
  assert(s:apply_defaults { kube_version = "1.34" } == true)
  assert(s:replicas() == 1 and s:get("spec.updateStrategy.rollingUpdate.maxUnavailable") == nil)
  -- other kinds are left alone; bad options raise or fail
  local svc = assert(sts.load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n"))[1]
  assert(H.equal(assert(svc:defaulted()):to_table(), svc:to_table()))
  local r, msg, err = dset():defaulted { kube_version = "2.0" }
  assert(r == nil and err.name == "STS_EVERSION", msg)
  H.raises("feature_gates", dset().defaulted, dset(), { feature_gates = { 1, 2 } })
end)

H.case("quantities in canonical form", function()
  for _, c in ipairs { { "1024Mi", "1Gi" }, { "0.5", "500m" }, { "1.5Gi", "1536Mi" },
                       { "1000m", "1" }, { "2048Ki", "2Mi" }, { "0.1", "100m" },
                       { "1Gi", "1Gi" }, { "100M", "100M" } } do
    assert(sts.quantity(c[1]) == c[2], c[1] .. " -> " .. tostring(sts.quantity(c[1])))
  end
  local q, msg, err = sts.quantity("1Gb")
  assert(q == nil and err.code == sts.codes.STS_EINVAL)
  assert(msg:find("quantities must match the regular expression", 1, true), msg)
  -- the claim template's storage request is canonicalised by defaulting
  local set = dset("  volumeClaimTemplates:\n  - metadata: {name: data}\n"
    .. "    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1024Mi}}}\n")
  local d = assert(set:defaulted())
  assert(d:get("spec.volumeClaimTemplates[0].spec.resources.requests.storage") == "1Gi")
  assert(d:get("spec.volumeClaimTemplates[0].spec.volumeMode") == "Filesystem")
  assert(d:get("spec.volumeClaimTemplates[0].status.phase") == "Pending")
end)

H.case("versions and feature gates", function()
  assert(sts.kube_version_default() == "1.35")
  assert(sts.kube_version_parse("v1.34.2") == 34 and sts.kube_version_parse("1.31") == 31)
  local v, msg, err = sts.kube_version_parse("1.30")
  assert(v == nil and err.name == "STS_EVERSION", msg)
  assert(sts.feature_gate("MaxUnavailableStatefulSet") == true)
  assert(sts.feature_gate("MaxUnavailableStatefulSet", { kube_version = "1.34" }) == false)
  assert(sts.feature_gate("MaxUnavailableStatefulSet",
                          { kube_version = "1.34",
                            feature_gates = { MaxUnavailableStatefulSet = true } }) == true)
  assert(sts.feature_gate("StatefulSetSemanticRevisionComparison") == true)
  local g, _, gerr = sts.feature_gate("NoSuchGate")
  assert(g == nil and gerr.name == "STS_ENOTFOUND")
end)

-- ---- lint -------------------------------------------------------------------------

local function rules(findings)
  local t = {}
  for i, f in ipairs(findings) do t[i] = f.rule end
  table.sort(t)
  return table.concat(t, " ")
end

H.case("lint: the tutorial gets only advice (STS112, STS115, STS116)", function()
  local objs = H.load("tutorial.yaml")
  local f = sts.lint(objs)
  assert(sts.is_array(f))
  assert(rules(f) == "STS112 STS115 STS116", rules(f))
  local by = {}
  for _, x in ipairs(f) do by[x.rule] = x end
  assert(by.STS115.severity == "info" and by.STS112.severity == "warning")
  assert(by.STS116.severity == "info")
  assert(by.STS115.path == "spec.publishNotReadyAddresses")
  assert(by.STS115.hint == "set spec.publishNotReadyAddresses: true on the headless Service")
  assert(by.STS112.path == "spec.template.spec.containers")
  assert(by.STS112.line and by.STS112.column)
  assert(type(by.STS116.message) == "string" and by.STS116.message ~= "")
  -- disabled by ID: a string or an array
  assert(#sts.lint(objs, { disable = "STS112, STS116,STS115" }) == 0)
  assert(#sts.lint(objs, { disable = { "STS112", "STS115", "STS116" } }) == 0)
  assert(rules(sts.lint(objs, { disable = "STS112" })) == "STS115 STS116")
  -- a subset of the load (the set alone): the Service is missing
  assert(rules(sts.lint({ objs[2] }, { disable = "STS112,STS116" })) == "STS101")
  H.raises("unknown option", sts.lint, objs, { disabled = "STS112" })
  H.raises("objects[1] is not an open statefulset object", sts.lint, { 1 })
end)

H.case("lint: wrong types are findings when loaded without type checks", function()
  local text = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s2}\n"
    .. "spec: {replicas: \"three\", serviceName: nginx}\n"
  local objs = assert(sts.load(text, { no_type_check = true }))
  local f = sts.lint(objs, { disable = "STS101,STS112,STS116" })
  assert(rules(f) == "STS100", rules(f))
  assert(f[1].path == "spec.replicas" and f[1].severity == "error")
  assert(f[1].line == 4)
  assert(sts.load(text) == nil) -- the default load refuses it
end)

H.case("lint: maxUnavailable without its gate (1.34), per release", function()
  local objs = H.load("tutorial.yaml")
  objs[2]:set("spec.updateStrategy", { rollingUpdate = { maxUnavailable = 2 } })
  local d = "STS112,STS115,STS116"
  assert(rules(sts.lint(objs, { disable = d, kube_version = "1.34" })) == "STS114")
  assert(#sts.lint(objs, { disable = d, kube_version = "1.35" }) == 0)
  assert(#sts.lint(objs, { disable = d, kube_version = "1.34",
                           feature_gates = { MaxUnavailableStatefulSet = true } }) == 0)
end)

H.case("lint_rules: the rule table", function()
  local r = sts.lint_rules()
  assert(#r == 19 and sts.is_array(r))
  for i, rule in ipairs(r) do
    assert(rule.id == ("STS%d"):format(99 + i))
    assert(rule.severity == "info" or rule.severity == "warning" or rule.severity == "error")
    assert(type(rule.summary) == "string" and #rule.summary > 0)
  end
  assert(r[13].id == "STS112" and r[13].severity == "warning")
end)

-- ---- rollout impact ----------------------------------------------------------------

local function pod_names(list)
  local t = {}
  for i, p in ipairs(list or {}) do t[i] = p.name end
  return table.concat(t, " ")
end

local function tutorial_pair()
  local objs = H.load("tutorial.yaml")
  local old = objs[2]
  old:set_namespace("default")
  return old, old:clone()
end

H.case("diff: a template change replaces pods from the highest ordinal (S39)", function()
  local old, new = tutorial_pair()
  new:set("spec.template.spec.containers[0].image", "nginx:2")
  local r = assert(sts.diff(old, new, { kube_version = "1.34" }))
  assert(r.allowed == true and r.name == "web" and r.namespace == "default")
  assert(r.revision.templateChanged == true)
  assert(r.revision.old == old:revision { kube_version = "1.34" })
  assert(r.revision.new == new:revision { kube_version = "1.34" })
  assert(r.revision.old ~= r.revision.new)
  assert(pod_names(r.pods.replaced) == "web-2 web-1 web-0", pod_names(r.pods.replaced))
  assert(r.changes[1].path == "spec.template.spec.containers[0].image")
  assert(r.changes[1].rollsPods == true)
  assert(type(sts.diff_text(old, new)) == "string")
end)

H.case("diff: partition keeps the pods below it (S41); replicas only scale", function()
  local old, new = tutorial_pair()
  new:set("spec.template.spec.containers[0].image", "nginx:2")
  new:set("spec.updateStrategy", { type = "RollingUpdate", rollingUpdate = { partition = 2 } })
  local r = assert(sts.diff(old, new))
  assert(pod_names(r.pods.replaced) == "web-2", pod_names(r.pods.replaced))
  assert(pod_names(r.pods.kept) == "web-0 web-1" or pod_names(r.pods.kept) == "web-1 web-0")
  assert(r.rollout.completes == false)

  old, new = tutorial_pair()
  new:set_replicas(5)
  r = assert(sts.diff(old, new))
  assert(r.allowed and r.revision.templateChanged == false)
  assert(pod_names(r.pods.created) == "web-3 web-4" and #r.pods.replaced == 0)
end)

H.case("diff: a forbidden update carries the server's error", function()
  local old, new = tutorial_pair()
  new:set("spec.serviceName", "other")
  local r = assert(sts.diff(old, new))
  assert(r.allowed == false)
  assert(r.errors[1].message == FORBIDDEN)
  assert(type(r.workaround) == "string" and r.workaround:find("--cascade=orphan", 1, true))
  -- a create (no old object): every pod is created
  r = assert(sts.diff(nil, new))
  assert(r.allowed and pod_names(r.pods.created) == "web-0 web-1 web-2")
  local svc = H.load("tutorial.yaml")[1]
  local x, msg, err = sts.diff(svc, new)
  assert(x == nil and err.code == sts.codes.STS_EINVAL, msg)
end)

H.case("diff with objects: rollback reuses a revision (S17); pods by their labels", function()
  local a, b = tutorial_pair()
  b:set("spec.template.spec.containers[0].image", "nginx:2")
  local ra, rb = a:revision_object(1), b:revision_object(2)
  -- b is live at rb; applying a again goes back to ra: no new ControllerRevision
  local r = assert(sts.diff(b, a, { objects = { ra, rb } }))
  assert(r.revision.old == rb.name and r.revision.new == ra.name)
  assert(r.revision.rollbackTo == ra.name and r.revision.created == false)
  -- pods: web-0 already runs ra (a half-done rollout), the others rb
  local pods = {}
  for i = 0, 2 do pods[i + 1] = b:render_pod(i, { revision = rb.name }) end
  pods[1]:set_label("controller-revision-hash", ra.name)
  r = assert(sts.diff(b, a, { objects = pods }))
  assert(pod_names(r.pods.replaced) == "web-2 web-1", pod_names(r.pods.replaced))
  assert(pod_names(r.pods.untouched) == "web-0")
  assert(r.pods.replaced[1].from == rb.name and r.pods.replaced[1].to == ra.name)
  assert(r.pods.replaced[1].ordinal == 2)
end)

H.case("upgrade_check: 1.33 -> 1.34 (S13, S14, S19)", function()
  local live = assert(sts.load_file(H.repo_path("revision/live-1.33.yaml")))
  local r = assert(sts.upgrade_check(live, "1.33", "1.34",
                   { feature_gates = { StatefulSetSemanticRevisionComparison = false } }))
  assert(r.from == "1.33" and r.to == "1.34" and r.affected == 1)
  local s = r.statefulsets[1]
  assert(s.name == "test" and s.currentRevision == "test-c77f6d978")
  assert(s.targetRevision == "test-776999688b" and s.rollsPods == true)
  -- with the semantic comparison (on by default) nothing restarts
  r = assert(sts.upgrade_check(live, "1.33", "1.34"))
  assert(r.affected == 0 and r.statefulsets[1].gatePrevents == true)
  assert(type(sts.upgrade_text(live, "1.33", "1.35")) == "string")
  H.raises("not as options", sts.upgrade_check, live, "1.33", "1.34", { kube_version = "1.35" })
end)

H.done()
