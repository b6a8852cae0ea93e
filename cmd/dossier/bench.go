package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/perf"
	"github.com/dossier-news/dossier/pipeline"
	"github.com/dossier-news/dossier/source"
)

func bench(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	workers := fs.Int("workers", 1, "documents analysed at once (1 measures one core; 0 means all cores)")
	rounds := fs.Int("rounds", 0, "passes over the input (default: enough for about 2,000 documents)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file (read it with go tool pprof)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: dossier bench [flags] [FILE.jsonl]\n\nAnalyses the documents of FILE.jsonl (default: the bundled example articles\njoined into one document of about 1,000 words) and prints documents/s, MB/s\nand peak memory for the whole pipeline and per stage.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if !checkWorkers("bench", *workers, stderr) {
		return 2
	}
	var docs []*doc.Document
	if len(inputs) == 0 {
		d := doc.New("bench", examples.BenchText())
		d.Published = "2024-05-16"
		docs = append(docs, d)
	} else {
		f, err := os.Open(inputs[0])
		if err != nil {
			fmt.Fprintf(stderr, "dossier bench: cannot open %s: %v\n", inputs[0], err)
			return 1
		}
		items := make(chan pipeline.Item, 64)
		go func() {
			if err := source.ReadJSONL(f, inputs[0], source.Options{}, items); err != nil {
				fmt.Fprintf(stderr, "dossier bench: %v\n", err)
			}
			close(items)
		}()
		bad := 0
		for it := range items {
			if it.Err != nil {
				bad++
				continue
			}
			docs = append(docs, it.Doc)
		}
		f.Close()
		if bad > 0 {
			fmt.Fprintf(stderr, "dossier bench: skipped %d line(s) that could not be read\n", bad)
		}
		if len(docs) == 0 {
			fmt.Fprintf(stderr, "dossier bench: no documents in %s\n", inputs[0])
			return 1
		}
	}
	n := *rounds
	if n <= 0 {
		n = max(1, 2000/len(docs))
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintf(stderr, "dossier bench: cannot write the profile: %v\n", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "dossier bench: cannot profile: %v\n", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	r, err := perf.Run(analyze.Default(), docs, n, *workers)
	if err != nil {
		fmt.Fprintf(stderr, "dossier bench: a document failed: %v\n", err)
	}
	r.Print(stdout)
	return 0
}
