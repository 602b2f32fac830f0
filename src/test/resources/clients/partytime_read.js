// Reads feed files with the Podcast Index's parser (podcast-partytime) and writes what it
// understood as JSON.
//   node partytime_read.js PARTYTIME_DIR OUT.json FILE [FILE ...]
const fs = require('fs');
const { parseFeed } = require(process.argv[2]);

const read = (file) => {
  const feed = parseFeed(fs.readFileSync(file, 'utf8'));
  if (feed === null) {
    return null;
  }
  return {
    title: feed.title,
    guid: feed.guid ?? null,
    locked: feed.locked ?? null,
    funding: (feed.podcastFunding ?? []).map((f) => f.url),
    value: feed.value ?? null,
    podroll: feed.podroll ?? [],
    people: feed.podcastPeople ?? [],
    items: feed.items.map((item) => ({
      guid: item.guid,
      enclosure: item.enclosure ?? null,
      chapters: item.podcastChapters?.url ?? null,
      transcripts: (item.podcastTranscripts ?? []).map((t) => t.url),
      persons: (item.podcastPeople ?? []).map((p) => p.name),
      people: item.podcastPeople ?? [],
      value: item.value ?? null,
      alternateEnclosures: item.alternativeEnclosures ?? [],
      soundbites: item.podcastSoundbites ?? [],
      socialInteract: item.podcastSocialInteraction ?? [],
    })),
  };
};

const result = {};
for (const file of process.argv.slice(4)) {
  result[file] = read(file);
}
fs.writeFileSync(process.argv[3], JSON.stringify(result));
