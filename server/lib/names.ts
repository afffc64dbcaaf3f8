import { randomInt } from 'node:crypto';

const ADJECTIVES = [
  'amber', 'ancient', 'arctic', 'bold', 'brave', 'bright', 'calm', 'cheerful', 'clever', 'cobalt',
  'crimson', 'curious', 'dapper', 'daring', 'dazzling', 'eager', 'electric', 'emerald', 'fancy', 'fearless',
  'fiery', 'gentle', 'giant', 'golden', 'graceful', 'happy', 'hidden', 'humble', 'icy', 'jolly',
  'keen', 'kind', 'lively', 'lucky', 'magnetic', 'mellow', 'merry', 'mighty', 'misty', 'modest',
  'nimble', 'noble', 'olive', 'patient', 'polite', 'proud', 'quick', 'quiet', 'radiant', 'rapid',
  'rustic', 'sage', 'scarlet', 'serene', 'shiny', 'silver', 'smart', 'snowy', 'spry', 'steady',
  'stellar', 'sunny', 'swift', 'tangerine', 'tidy', 'tranquil', 'upbeat', 'vagabond', 'valiant', 'vivid',
  'wandering', 'warm', 'whimsical', 'wise', 'witty', 'zealous', 'zesty', 'indigo', 'jade', 'violet',
];
const ANIMALS = [
  'albatross', 'alpaca', 'antelope', 'badger', 'beaver', 'bison', 'bobcat', 'buffalo', 'camel', 'caribou',
  'cheetah', 'condor', 'cougar', 'coyote', 'crane', 'dingo', 'dolphin', 'donkey', 'eagle', 'egret',
  'falcon', 'ferret', 'finch', 'flamingo', 'fox', 'gazelle', 'gecko', 'gibbon', 'gopher', 'grouse',
  'hare', 'hawk', 'hedgehog', 'heron', 'hyena', 'ibis', 'iguana', 'impala', 'jackal', 'jaguar',
  'kestrel', 'kingfisher', 'koala', 'lemur', 'leopard', 'lion', 'llama', 'lynx', 'macaw', 'marmot',
  'meerkat', 'mink', 'moose', 'narwhal', 'newt', 'ocelot', 'okapi', 'orca', 'osprey', 'otter',
  'owl', 'panda', 'panther', 'parrot', 'pelican', 'penguin', 'puffin', 'quail', 'rabbit', 'raccoon',
  'raven', 'reindeer', 'salamander', 'seal', 'sparrow', 'stork', 'swan', 'tapir', 'tortoise', 'toucan',
  'turtle', 'viper', 'walrus', 'weasel', 'whale', 'wolf', 'wombat', 'yak', 'zebra', 'heron',
];

/** A random `adjective-animal` slug for unnamed runs (`crimson-tortoise`). */
export function randomRunName(): string {
  return `${ADJECTIVES[randomInt(ADJECTIVES.length)]}-${ANIMALS[randomInt(ANIMALS.length)]}`;
}
