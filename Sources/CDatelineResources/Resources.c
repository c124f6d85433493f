// Every file of Resources/ that the program reads, compiled in with C23 #embed so that a binary copied alone
// still has them. To add one: one array with its #embed line and one table row. A trailing NUL keeps an empty
// file legal C; it is not counted in the length.
#include "DatelineResources.h"
#include <string.h>

#pragma clang diagnostic ignored "-Wc23-extensions"

static const unsigned char sample_story[] = {
#embed "../../Resources/sample-story.txt" suffix(,)
0 };
static const unsigned char boilerplate_rules[] = {
#embed "../../Resources/boilerplate.rules" suffix(,)
0 };

static const unsigned char html_rules[] = {
#embed "../../Resources/html.rules" suffix(,)
0 };

static const unsigned char keymap_conf[] = {
#embed "../../Resources/keymap.conf" suffix(,)
0 };

static const unsigned char ner_weights[] = {
#embed "../../Resources/ner/weights.bin" suffix(,)
0 };
static const unsigned char ner_gazetteer[] = {
#embed "../../Resources/ner/gazetteer.bin" suffix(,)
0 };

struct resource { const char *name; const unsigned char *bytes; size_t length; };

static const struct resource resources[] = {
  { "sample-story.txt", sample_story, sizeof(sample_story) - 1 },
  { "boilerplate.rules", boilerplate_rules, sizeof(boilerplate_rules) - 1 },
  { "ner/weights.bin", ner_weights, sizeof(ner_weights) - 1 },
  { "ner/gazetteer.bin", ner_gazetteer, sizeof(ner_gazetteer) - 1 },
  { "keymap.conf", keymap_conf, sizeof(keymap_conf) - 1 },
  { "html.rules", html_rules, sizeof(html_rules) - 1 },
};

const unsigned char *dateline_resource(const char *name, size_t *length) {
  for (size_t i = 0; i < sizeof(resources) / sizeof(resources[0]); i++) {
    if (strcmp(resources[i].name, name) == 0) {
      *length = resources[i].length;
      return resources[i].bytes;
    }
  }
  *length = 0;
  return NULL;
}

const char *dateline_resource_name(size_t index) {
  return index < sizeof(resources) / sizeof(resources[0]) ? resources[index].name : NULL;
}
