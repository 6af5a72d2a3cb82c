# Shared wording for both bots.
module Replies
  def self.greeting(name)
    "Hello #{name}! 🥐"
  end
end
