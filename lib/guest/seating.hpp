// A seating plan: blocks of rows of seats (a presidium, a hall), and the
// places given to guests by precedence. The host sits in the centre of the
// first block's first row, the guest of honour to the host's right, the next
// to the host's left, and so on outwards; then the next row, then the next
// block. Seats are numbered from the left as the hall sees them, so the
// host's right is the hall's left.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace omskplan::guest {

struct Block {
  std::string name;  // "presidium", "hall", or a name of the user's
  int rows = 1;
  int seats = 1;  // per row
};

// "presidium:1x9,hall:10x20": NAME:ROWSxSEATS, comma-separated, the stage first.
std::vector<Block> parse_layout(std::string_view text);

// The seats of a row of `n` in the order they are given: the centre (for an
// even row the seat to the hall's right of the middle), then the host's right
// (the hall's left), then the host's left, outwards. 0-based, from the hall's left.
std::vector<int> centre_out(int n);

struct Seat {
  std::size_t block = 0;  // index in the layout
  int row = 1;            // 1: the row nearest the stage (in the first block: its only row)
  int seat = 1;           // 1-based from the hall's left
  std::optional<std::size_t> who;  // index of the guest seated (in the order given), none: free
};

struct SeatingPlan {
  std::vector<Block> layout;
  std::vector<Seat> seats;             // every seat, block by block, row by row, left to right
  std::vector<std::size_t> unseated;   // guests for whom there was no seat
};

// `guests`: how many, in the order of precedence; `host`: the index of the
// host among them, if one is there (seated first, in the centre).
SeatingPlan assign_seats(const std::vector<Block>& layout, std::size_t guests, std::optional<std::size_t> host);

}  // namespace omskplan::guest
