package link

import (
	"embed"

	"github.com/dossier-news/dossier/lexicon"
)

//go:embed data/*.txt
var dataFS embed.FS

// wordSet reads a data file of one word a line.
func wordSet(name string) map[string]bool {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		panic("link: missing embedded data file " + name)
	}
	set := map[string]bool{}
	for _, e := range lexicon.MustParse("link/data/"+name, string(b)) {
		set[e.Field(0)] = true
	}
	return set
}

var (
	// roleWords may stand before a person's name (data/roles.txt).
	roleWords = wordSet("roles.txt")
	// orgSuffixes are legal forms that may end an organisation's name
	// (data/orgsuffixes.txt).
	orgSuffixes = wordSet("orgsuffixes.txt")
)
