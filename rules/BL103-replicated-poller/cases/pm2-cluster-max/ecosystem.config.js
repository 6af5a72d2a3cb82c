module.exports = {
  apps: [
    {
      name: "support-bot",
      script: "./src/index.js",
      instances: "max",
      exec_mode: "cluster",
      max_memory_restart: "300M",
      env: {
        NODE_ENV: "development",
      },
      env_production: {
        NODE_ENV: "production",
      },
    },
  ],

  deploy: {
    production: {
      user: "deploy",
      host: ["203.0.113.10"],
      ref: "origin/main",
      repo: "git@github.com:example/support-bot.git",
      path: "/var/www/support-bot",
      "post-deploy": "npm ci && pm2 reload ecosystem.config.js --env production",
    },
  },
};
