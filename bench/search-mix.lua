-- The page side of the search benchmark: every request is the next address of a fixed mix of searches.
local paths = {
  "/search?q=mobile",
  "/search?q=python",
  "/search?q=react",
  "/search?q=figma",
  "/search?q=kubernetes",
  "/search?q=swift%20ios",
  "/search?q=senior%20web%20developer",
  "/search?q=data%20engineer&country=US",
  "/search?q=spark&skills=SQL",
  "/search?q=designer&min=50&max=120",
  "/search?q=typescript&kind=agency",
  "/search?q=machine%20learning",
  "/search?q=flutter&page=3",
  "/search?q=mobile&mine=1",
  "/search?q=node.js",
  "/search?q=Keiko%20Tanaka",
  "/search?q=terraform&country=DE",
  "/search?country=GB&min=40&max=90",
  "/search?q=seo%20copywriting",
  "/search?q=android%20kotlin",
}
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
