-- Object lifetime: close(), <close>, __gc, objects outliving their lists
-- and registries, clones. Run under valgrind to see leaks and use-after-free.
local sts = require "statefulset"
local H = require "helpers"

local text = H.read("web.yaml") .. "---\n" .. H.read("list.yaml")

H.case("explicit close, twice, and use after close", function()
  local objs = assert(sts.load(text))
  local o = objs[2]
  assert(not o:is_closed())
  o:close()
  assert(o:is_closed())
  o:close() -- harmless
  H.raises("closed", o.replicas, o)
  H.raises("closed", function() return o.name end)
  H.raises("closed", o.to_yaml, o)
  assert(tostring(o):find("closed", 1, true))
  -- the siblings from the same load are unaffected
  assert(objs[1].name == "nginx" and objs[3].name == "nginx" and objs[4].name == "web-1")
end)

H.case("to-be-closed variables", function()
  local kept
  do
    local o <close> = assert(sts.load(text))[2]
    kept = o
    assert(o:replicas() == 3)
  end
  assert(kept:is_closed())
  -- also when the block is left by an error
  local ok = pcall(function()
    local o <close> = assert(sts.load(text))[1]
    kept = o
    error("boom")
  end)
  assert(not ok and kept:is_closed())
end)

H.case("objects outlive the array they came in", function()
  local survivors = {}
  for i = 1, 50 do
    local objs = assert(sts.load(text))
    survivors[#survivors + 1] = objs[1 + i % #objs]
    objs = nil
    collectgarbage("collect")
  end
  collectgarbage("collect")
  for _, o in ipairs(survivors) do
    assert(o.name ~= "" and o:to_table().kind == o.kind)
    assert(#o:to_yaml() > 0)
  end
end)

H.case("objects outlive a closed registry", function()
  local reg = sts.registry()
  local objs = assert(reg:load(text))
  reg:close()
  H.raises("closed registry", reg.load, reg, text)
  collectgarbage("collect")
  assert(objs[2]:replicas() == 3)
  assert(objs[2]:to_json():find('"web"', 1, true))
  assert(objs[2]:registry() == reg)
  objs = nil
  collectgarbage("collect")
end)

H.case("clones are independent of the original", function()
  local objs = assert(sts.load(text))
  local copy = assert(objs[2]:clone())
  objs[2]:set_replicas(9)
  for _, o in ipairs(objs) do o:close() end
  objs = nil
  collectgarbage("collect")
  assert(copy:replicas() == 3)
  assert(copy:set_replicas(4) and copy:replicas() == 4)
  copy:close()
end)

H.case("GC stress: random drops and closes", function()
  local pool = {}
  local seed = 12345
  local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n + 1 end
  for round = 1, 300 do
    local objs = assert(sts.load(text))
    for _, o in ipairs(objs) do pool[#pool + 1] = o end
    -- close some, drop some, keep the rest
    for _ = 1, 3 do
      local i = rnd(#pool)
      if rnd(2) == 1 then pool[i]:close() end
      table.remove(pool, i)
    end
    if round % 25 == 0 then
      collectgarbage("collect")
      for _, o in ipairs(pool) do
        if not o:is_closed() then assert(o.kind ~= "") end
      end
    end
    if round % 7 == 0 then
      local c = pool[rnd(#pool)]
      if not c:is_closed() then pool[#pool + 1] = assert(c:clone()) end
    end
  end
  pool = nil
  collectgarbage("collect")
  collectgarbage("collect")
end)

H.case("generational collector", function()
  collectgarbage("generational")
  local keep = {}
  for i = 1, 200 do
    local objs = assert(sts.load(text))
    if i % 10 == 0 then keep[#keep + 1] = objs[2] end
    if i % 3 == 0 then objs[1]:close() end
  end
  collectgarbage("collect")
  for _, o in ipairs(keep) do assert(o:replicas() == 3) end
  collectgarbage("incremental")
end)

H.case("objects left for lua_close", function()
  -- Lua finalizers that use objects while lua_close finalizes everything,
  -- one running before the objects' finalizers and one after them (the
  -- calls then raise "closed"). Neither creates objects: Lua never
  -- finalizes userdata created during lua_close.
  local before = setmetatable({}, { __gc = function()
    for _, o in ipairs(_G.LATE.objs) do assert(not pcall(o.to_yaml, o)) end
    io.write("# lua_close: finalizer saw closed objects\n")
  end })
  local objs = assert(sts.load(text))
  local reg = sts.registry()
  local regobj = assert(reg:load(text))[2]
  local after = setmetatable({}, { __gc = function()
    for _, o in ipairs(objs) do assert(o:to_yaml()) end
    assert(regobj:to_json())
    assert(#reg:formats() >= 2)
    io.write("# lua_close: finalizer used the open objects\n")
  end })
  _G.LATE = { before = before, objs = objs, reg = reg, regobj = regobj, after = after }
end)

H.done()
