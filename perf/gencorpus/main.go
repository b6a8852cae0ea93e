// Command gencorpus writes N distinct PolNeAR-like articles as JSON Lines
// (package newsgen), for measuring ingest and queries at scale:
//
//	go run ./perf/gencorpus -n 200000 > /tmp/news.jsonl
//	dossier ingest --db /tmp/news.db /tmp/news.jsonl
//
// It reads the gold corpora beside the project (../shared) at run time;
// the output is for measurement only: never commit it, never train on it.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/dossier-news/dossier/perf/newsgen"
)

func main() {
	n := flag.Int("n", 10000, "how many articles")
	seed := flag.Uint64("seed", 1, "the same seed gives the same articles")
	flag.Parse()
	srcs := flag.Args()
	if len(srcs) == 0 {
		srcs = newsgen.DefaultSources
	}
	g, err := newsgen.New(*seed, srcs...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := 0; i < *n; i++ {
		if err := enc.Encode(g.Article(i)); err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(1)
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}
