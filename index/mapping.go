package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/char/regexp"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/articlebot/articlebot/corpus"
	"github.com/articlebot/articlebot/corpus/facts"
)

// schemaVersion changes whenever the mapping, the analysis or the shape of
// the documents changes; an index on disk with another version is rebuilt.
const schemaVersion = "10"

// Names inside the index.
const (
	textAnalyzer = "articlebot_en"
	nameAnalyzer = "articlebot_name"
	usCharFilter = "articlebot_us"
	keySchema    = "articlebot.schema"
	keyManifest  = "articlebot.manifest" // see manifest
	keyPending   = "articlebot.pending"  // the articles of an update under way
)

// The indexed fields.
//
// Only fields a query reads are indexed. People, places, organisations and
// fact kinds were indexed too until schema 10, but no query read them:
// dropping them took the cold build of 1,000 articles from 1.09-1.19 s to
// 0.97-1.00 s (BenchmarkScale, measured alternately on one machine).
const (
	fieldText    = "text"    // the sentence: English analysis, stemmed
	fieldArticle = "article" // the article ID, a keyword
	fieldSpeaker = "speaker" // who is quoted in the sentence
)

// usMark stands for the word "US" (in capitals) inside the text analyzer,
// so that the country is not confused with the pronoun "us". It is two
// bytes long, like "US", so term locations still match the sentence text.
const usMark = "ʊ"

// docType is the Bleve type of a sentence document.
const docType = "sentence"

// document is what is indexed of one sentence.
type document struct {
	Text    string   `json:"text"`
	Article string   `json:"article"`
	Speaker []string `json:"speaker,omitempty"`
}

// BleveType tells Bleve which mapping a document uses.
func (document) BleveType() string { return docType }

// toDocument makes the document of a sentence of article id.
func toDocument(id string, s *corpus.Sentence) document {
	d := document{Text: s.Text, Article: id}
	for _, f := range s.Facts {
		if f.Kind == facts.KindQuote {
			d.Speaker = appendNew(d.Speaker, f.Speaker)
		}
	}
	return d
}

func appendNew(list []string, v string) []string {
	if v == "" {
		return list
	}
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}

// newMapping returns the explicit mapping of the index: only the fields of
// document are indexed, none is stored, and nothing is indexed dynamically.
func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	m.ScoringModel = "bm25"
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	m.DefaultAnalyzer = textAnalyzer

	// The text analyzer is Bleve's "en" (unicode tokenizer, possessive,
	// lower case, English stop words), stemmed with answering's own
	// stemmer (stemFilter), with one character filter in front that tells
	// the country "US" from the pronoun.
	if err := m.AddCustomCharFilter(usCharFilter, map[string]interface{}{
		"type":    regexp.Name,
		"regexp":  `\bUS\b`,
		"replace": usMark,
	}); err != nil {
		return nil, fmt.Errorf("index: mapping: %w", err)
	}
	if err := m.AddCustomAnalyzer(textAnalyzer, map[string]interface{}{
		"type":          custom.Name,
		"char_filters":  []string{usCharFilter},
		"tokenizer":     unicode.Name,
		"token_filters": []string{en.PossessiveName, lowercase.Name, en.StopName, stemFilterName},
	}); err != nil {
		return nil, fmt.Errorf("index: mapping: %w", err)
	}
	// Names are matched word for word: no stop words, no stemming.
	if err := m.AddCustomAnalyzer(nameAnalyzer, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{en.PossessiveName, lowercase.Name},
	}); err != nil {
		return nil, fmt.Errorf("index: mapping: %w", err)
	}
	text := bleve.NewTextFieldMapping()
	text.Analyzer = textAnalyzer
	text.Store = false
	text.IncludeInAll = false
	text.IncludeTermVectors = true // term locations, for highlighting
	text.DocValues = false

	names := bleve.NewTextFieldMapping()
	names.Analyzer = nameAnalyzer
	names.Store = false
	names.IncludeInAll = false
	names.IncludeTermVectors = false
	names.DocValues = false

	keyword := bleve.NewKeywordFieldMapping()
	keyword.Store = false
	keyword.IncludeInAll = false
	keyword.IncludeTermVectors = false
	keyword.DocValues = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldText, text)
	doc.AddFieldMappingsAt(fieldArticle, keyword)
	doc.AddFieldMappingsAt(fieldSpeaker, names)
	// No composite "_all" field: every query names its field.
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	// The default mapping is disabled: a value indexes only as a
	// sentence document (see document.BleveType).
	m.DefaultMapping = bleve.NewDocumentDisabledMapping()
	m.AddDocumentMapping(docType, doc)
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("index: mapping: %w", err)
	}
	return m, nil
}
