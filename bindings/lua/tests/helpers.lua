-- Shared helpers for the plain-assert Lua tests.
local H = {}

H.data = os.getenv("STS_LUA_TESTDATA") or "data"

function H.path(name) return H.data .. "/" .. name end

-- the library's own test data (tests/data of the source tree)
H.repo_data = os.getenv("STS_TESTDATA") or "../../../tests/data"
function H.repo_path(name) return H.repo_data .. "/" .. name end

function H.read(name)
  local f = assert(io.open(H.path(name), "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- Deep equality of plain values (metatables compared too, so Array/Map
-- markers count).
function H.equal(a, b)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then
    return a == b and math.type(a) == math.type(b)
  end
  if getmetatable(a) ~= getmetatable(b) then return false end
  for k, v in pairs(a) do
    if not H.equal(v, b[k]) then return false end
  end
  for k in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end

-- assert that fn raises an error whose text contains `pattern` (plain)
function H.raises(pattern, fn, ...)
  local ok, msg = pcall(fn, ...)
  assert(not ok, "expected an error matching '" .. pattern .. "'")
  assert(tostring(msg):find(pattern, 1, true),
         "error '" .. tostring(msg) .. "' does not contain '" .. pattern .. "'")
end

local count, failed = 0, 0
-- run a named case; a failure is reported and the next case still runs
function H.case(name, fn)
  count = count + 1
  local ok, err = xpcall(fn, debug.traceback)
  if ok then
    io.write("ok ", count, " - ", name, "\n")
  else
    failed = failed + 1
    io.write("not ok ", count, " - ", name, "\n")
    io.stderr:write("FAIL ", name, "\n", tostring(err), "\n")
  end
end

-- end of a test script: exit status 1 if any case failed. The state is
-- closed either way, so valgrind sees every finalizer run.
function H.done()
  io.write("1..", count, "\n")
  os.exit(failed == 0, true)
end

function H.load(name, ...)
  local sts = require "statefulset"
  local objs, msg, err = sts.load_file(H.path(name), ...)
  assert(objs, msg)
  return objs, msg, err
end

return H
