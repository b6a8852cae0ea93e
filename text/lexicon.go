package text

import (
	"bufio"
	_ "embed"
	"strings"
)

//go:embed abbreviations.txt
var abbrevData string

type abbrevClass uint8

const (
	abbrevNone abbrevClass = iota
	abbrevTitle
	abbrevMonth
	abbrevNumber
	abbrevOther
)

var abbrevs = loadAbbrevs(abbrevData)

func loadAbbrevs(data string) map[string]abbrevClass {
	m := map[string]abbrevClass{}
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			panic("text/abbreviations.txt: want 'abbreviation class', got " + line)
		}
		var c abbrevClass
		switch f[1] {
		case "title":
			c = abbrevTitle
		case "month":
			c = abbrevMonth
		case "number":
			c = abbrevNumber
		case "other":
			c = abbrevOther
		default:
			panic("text/abbreviations.txt: unknown class " + f[1])
		}
		m[f[0]] = c
	}
	return m
}

// sentenceStarters are capitalised words that, after an abbreviation that
// may end a sentence ("in the U.S. The ..."), show that a new sentence began.
var sentenceStarters = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`The A An This That These Those It Its He She They We I You His Her Their Our
		But And Or So Yet In On At For From As If When While After Before Since Although Though Because
		There Here What Who Why How Where Which Some Many Most Several Such No Not One Two Three
		Meanwhile However Still Also Then Now Last Earlier Later Officials Police`) {
		sentenceStarters[w] = true
	}
}
